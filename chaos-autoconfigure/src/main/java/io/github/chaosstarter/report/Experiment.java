package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ResilienceReport.Transition;

/**
 * The counts of one experiment: what was injected and, per resilience instance, what its
 * own events showed for calls that carried an injected fault. Thread-safe; replaced whole
 * when a new experiment starts. Bounded: one entry per instance and method, a few
 * counters each, at most {@value #MAX_TRANSITIONS} transitions per breaker.
 *
 * @author Chaos Starter team
 */
final class Experiment {

	static final int MAX_TRANSITIONS = 100;

	final Instant since;

	final Map<String, String> breakerStatesAtStart;

	final LongAdder total = new LongAdder();

	final Map<String, LongAdder> byAssault = new ConcurrentHashMap<>();

	final Map<String, BreakerStats> breakers = new ConcurrentHashMap<>();

	final Map<String, RetryStats> retries = new ConcurrentHashMap<>();

	final Map<String, LimiterStats> timeLimiters = new ConcurrentHashMap<>();

	final Map<String, BulkheadStats> bulkheads = new ConcurrentHashMap<>();

	final Map<String, BulkheadStats> threadPoolBulkheads = new ConcurrentHashMap<>();

	/** Fallbacks by guarded method, then by fallback method. */
	final Map<String, Map<String, FallbackStats>> fallbacks = new ConcurrentHashMap<>();

	final Map<String, MethodStats> methods = new ConcurrentHashMap<>();

	/** Attacked methods whose injected failures a circuit breaker or retry recorded. */
	final Set<String> seenByMechanism = ConcurrentHashMap.newKeySet();

	final Traffic traffic;

	/** When chaos was switched off, or {@code null} while it runs. */
	volatile @Nullable Instant ended;

	Experiment(Instant since, Map<String, String> breakerStatesAtStart) {
		this(since, breakerStatesAtStart, new Traffic(since, null, null, null));
	}

	Experiment(Instant since, Map<String, String> breakerStatesAtStart, Traffic traffic) {
		this.since = since;
		this.breakerStatesAtStart = Map.copyOf(breakerStatesAtStart);
		this.traffic = traffic;
	}

	void countInjection(String assault) {
		this.total.increment();
		lookup(this.byAssault, assault, (key) -> new LongAdder()).increment();
	}

	BreakerStats breaker(String name) {
		return lookup(this.breakers, name, (key) -> new BreakerStats());
	}

	RetryStats retry(String name) {
		return lookup(this.retries, name, (key) -> new RetryStats());
	}

	LimiterStats timeLimiter(String name) {
		return lookup(this.timeLimiters, name, (key) -> new LimiterStats());
	}

	BulkheadStats bulkhead(String name, boolean threadPool) {
		return lookup(threadPool ? this.threadPoolBulkheads : this.bulkheads, name, (key) -> new BulkheadStats());
	}

	FallbackStats fallback(String method, String fallbackMethod) {
		Map<String, FallbackStats> byFallback = lookup(this.fallbacks, method, (key) -> new ConcurrentHashMap<>());
		return lookup(byFallback, fallbackMethod, (key) -> new FallbackStats());
	}

	void seenByMechanism(String method) {
		if (!this.seenByMechanism.contains(method)) {
			this.seenByMechanism.add(method);
		}
	}

	MethodStats method(String method, List<Guard> guards, boolean restController) {
		MethodStats stats = this.methods.get(method);
		return (stats != null) ? stats
				: this.methods.computeIfAbsent(method, (key) -> new MethodStats(guards, restController));
	}

	/**
	 * Look an entry up, creating it on first use: once it exists, without a lock or an
	 * allocation (give a lambda that captures nothing).
	 */
	static <K, V> V lookup(Map<K, V> map, K key, Function<K, V> create) {
		V value = map.get(key);
		return (value != null) ? value : map.computeIfAbsent(key, create);
	}

	/** The first injected exception type that explains a verdict, and how many. */
	static final class Sample {

		private volatile @Nullable String type;

		final AtomicLong count = new AtomicLong();

		void add(Throwable failure) {
			this.count.incrementAndGet();
			if (this.type == null) {
				this.type = failure.getClass().getName();
			}
		}

		@Nullable String type() {
			return this.type;
		}

	}

	/** Injected delays that reached an instance. */
	static final class Delays {

		final AtomicLong count = new AtomicLong();

		final AtomicLong longestNanos = new AtomicLong();

		void add(long nanos) {
			this.count.incrementAndGet();
			this.longestNanos.accumulateAndGet(nanos, Math::max);
		}

	}

	static final class BreakerStats {

		final AtomicLong injectedFailures = new AtomicLong();

		final AtomicLong realFailures = new AtomicLong();

		final AtomicLong injectedSlowCalls = new AtomicLong();

		final AtomicLong calls = new AtomicLong();

		final Sample ignored = new Sample();

		final Sample notRecorded = new Sample();

		final Delays delays = new Delays();

		final AtomicLong notPermitted = new AtomicLong();

		final AtomicLong notPermittedAfterInjection = new AtomicLong();

		final List<Transition> transitions = new CopyOnWriteArrayList<>();

		void transition(Transition transition) {
			if (this.transitions.size() < MAX_TRANSITIONS) {
				this.transitions.add(transition);
			}
		}

	}

	static final class RetryStats {

		final AtomicLong attempts = new AtomicLong();

		final AtomicLong exhausted = new AtomicLong();

		final AtomicLong recovered = new AtomicLong();

		final Sample ignored = new Sample();

	}

	static final class LimiterStats {

		final AtomicLong timeouts = new AtomicLong();

		final AtomicLong otherTimeouts = new AtomicLong();

		final Delays longer = new Delays();

		final Delays within = new Delays();

		final AtomicLong failures = new AtomicLong();

	}

	static final class BulkheadStats {

		final AtomicLong rejectedAfterInjection = new AtomicLong();

		final AtomicLong otherRejections = new AtomicLong();

		final Delays delays = new Delays();

		final AtomicLong failures = new AtomicLong();

	}

	static final class FallbackStats {

		final AtomicLong invocations = new AtomicLong();

		final Sample passedThrough = new Sample();

	}

	/** What one attacked method received. */
	static final class MethodStats {

		final List<Guard> guards;

		final boolean restController;

		final AtomicLong failures = new AtomicLong();

		final Delays delays = new Delays();

		MethodStats(List<Guard> guards, boolean restController) {
			this.guards = guards;
			this.restController = restController;
		}

	}

	record FallbackKey(String method, String fallbackMethod) {
	}

}
