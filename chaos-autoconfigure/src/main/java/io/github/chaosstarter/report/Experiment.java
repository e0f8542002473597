package io.github.chaosstarter.report;

import java.lang.reflect.Method;
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

	/** How many reaches are found again by identity (a power of two). */
	static final int RECENT = 256;

	final Instant since;

	final Map<String, String> breakerStatesAtStart;

	/** Injections into anything but a bean method (requests, clients, dependencies). */
	final Map<String, LongAdder> byAssault = new ConcurrentHashMap<>();

	/** The reaches injected into last, by identity hash of their method and assault. */
	final @Nullable Reach[] recent = new Reach[RECENT];

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
		lookup(this.byAssault, assault, (key) -> new LongAdder()).increment();
	}

	/**
	 * Return the injections of each assault: into bean methods, counted per reach, and
	 * into anything else.
	 */
	Map<String, Long> injections() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.byAssault.forEach((name, count) -> counts.merge(name, count.sum(), Long::sum));
		this.methods.values()
			.forEach((method) -> method.reaches
				.forEach((name, reach) -> counts.merge(name, reach.injections(), Long::sum)));
		return counts;
	}

	/**
	 * Return whether an injected failure reached a method guarded by the given instance.
	 */
	boolean failuresReached(Guard.Kind kind, String name) {
		for (MethodStats method : this.methods.values()) {
			for (Guard guard : method.guards) {
				if (guard.kind() == kind && guard.name().equals(name) && method.failures() > 0) {
					return true;
				}
			}
		}
		return false;
	}

	BreakerStats breaker(String name) {
		BreakerStats stats = this.breakers.get(name);
		return (stats != null) ? stats : this.breakers.computeIfAbsent(name, (key) -> new BreakerStats(this));
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

	/** The method last noted seen: most events name the method the previous one named. */
	private @Nullable String lastSeen;

	void seenByMechanism(String method) {
		if (method != this.lastSeen) {
			if (!this.seenByMechanism.contains(method)) {
				this.seenByMechanism.add(method);
			}
			this.lastSeen = method;
		}
	}

	MethodStats method(String method, List<Guard> guards, boolean restController) {
		MethodStats stats = this.methods.get(method);
		return (stats != null) ? stats
				: this.methods.computeIfAbsent(method, (key) -> new MethodStats(guards, restController));
	}

	/**
	 * Return the reach of an assault's injections into a method, creating it on first
	 * use.
	 * @param stats the method's counts
	 * @param method the method, as the engine hands it
	 * @param type the bean's user class
	 * @param assault the assault's name
	 * @param breakers the circuit breakers guarding the method
	 * @return the reach
	 */
	Reach reach(MethodStats stats, Method method, Class<?> type, String assault,
			Function<String, BreakerTrack[]> breakers) {
		Reach reach = stats.reaches.get(assault);
		return (reach != null) ? reach : stats.reaches.computeIfAbsent(assault,
				(key) -> new Reach(method, type, key, stats, breakers.apply(key)));
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

		/** The experiment these counts belong to. */
		final Experiment experiment;

		final AtomicLong injectedFailures = new AtomicLong();

		final AtomicLong realFailures = new AtomicLong();

		final AtomicLong injectedSlowCalls = new AtomicLong();

		/**
		 * Calls recorded as successes: each recorded call counts once, in one of three.
		 */
		final AtomicLong successes = new AtomicLong();

		final Sample ignored = new Sample();

		final Sample notRecorded = new Sample();

		final Delays delays = new Delays();

		final AtomicLong notPermitted = new AtomicLong();

		final AtomicLong notPermittedAfterInjection = new AtomicLong();

		final List<Transition> transitions = new CopyOnWriteArrayList<>();

		BreakerStats(Experiment experiment) {
			this.experiment = experiment;
		}

		long calls() {
			return this.successes.get() + this.realFailures.get() + this.injectedFailures.get();
		}

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

	}

	static final class BulkheadStats {

		final AtomicLong rejectedAfterInjection = new AtomicLong();

		final AtomicLong otherRejections = new AtomicLong();

		final Delays delays = new Delays();

	}

	static final class FallbackStats {

		final AtomicLong invocations = new AtomicLong();

		final Sample passedThrough = new Sample();

	}

	record FallbackKey(String method, String fallbackMethod) {
	}

}
