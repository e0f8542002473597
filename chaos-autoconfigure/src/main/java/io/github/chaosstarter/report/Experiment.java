package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.ResilienceReport.Transition;

/**
 * The mutable record of one experiment: what was injected and what each resilience
 * instance did about it. Thread-safe; written by listeners on application threads, read
 * when a report is made. A new experiment replaces the old one as a whole.
 *
 * @author Chaos Starter team
 */
final class Experiment {

	private static final int MAX_CAUSE_DEPTH = 16;

	final Instant since;

	final Map<String, String> breakerStatesAtStart;

	final LongAdder total = new LongAdder();

	final Map<String, LongAdder> byAssault = new ConcurrentHashMap<>();

	final Map<String, BreakerStats> breakers = new ConcurrentHashMap<>();

	final Map<String, RetryStats> retries = new ConcurrentHashMap<>();

	final Map<String, TimeLimiterStats> timeLimiters = new ConcurrentHashMap<>();

	final Map<String, BulkheadStats> bulkheads = new ConcurrentHashMap<>();

	final Map<FallbackKey, FallbackStats> fallbacks = new ConcurrentHashMap<>();

	final Map<String, UnprotectedStats> unprotected = new ConcurrentHashMap<>();

	/** Methods attacked in this experiment, with their guards and bean kind. */
	final Map<Method, Attacked> attacked = new ConcurrentHashMap<>();

	/**
	 * Whether anything was injected: events of real failures cost no look-up until then.
	 */
	private volatile boolean anyInjected;

	Experiment(Instant since, Map<String, String> breakerStatesAtStart) {
		this.since = since;
		this.breakerStatesAtStart = Map.copyOf(breakerStatesAtStart);
	}

	void countInjection(String assault) {
		this.total.increment();
		this.byAssault.computeIfAbsent(assault, (key) -> new LongAdder()).increment();
	}

	void markInjected(Throwable failure) {
		// the runtime marks the exception itself; nothing is kept per injection
		this.anyInjected = true;
	}

	/**
	 * Return the injected exception in the cause chain of the given one, so that a
	 * failure that a layer wrapped still counts.
	 * @param failure what a resilience library saw
	 * @return the injected exception or {@code null}
	 */
	@Nullable Throwable injected(@Nullable Throwable failure) {
		if (!this.anyInjected) {
			return null;
		}
		return InjectedFaults.injectedIn(failure, MAX_CAUSE_DEPTH);
	}

	boolean isInjected(@Nullable Throwable failure) {
		return injected(failure) != null;
	}

	BreakerStats breaker(String name) {
		return this.breakers.computeIfAbsent(name, (key) -> new BreakerStats());
	}

	RetryStats retry(String name) {
		return this.retries.computeIfAbsent(name, (key) -> new RetryStats());
	}

	TimeLimiterStats timeLimiter(String name) {
		return this.timeLimiters.computeIfAbsent(name, (key) -> new TimeLimiterStats());
	}

	BulkheadStats bulkhead(String name) {
		return this.bulkheads.computeIfAbsent(name, (key) -> new BulkheadStats());
	}

	FallbackStats fallback(String method, String fallbackMethod) {
		return this.fallbacks.computeIfAbsent(new FallbackKey(method, fallbackMethod), (key) -> new FallbackStats());
	}

	UnprotectedStats unprotected(String method) {
		return this.unprotected.computeIfAbsent(method, (key) -> new UnprotectedStats());
	}

	/** Sample of the injected exception types that explain a verdict. */
	static final class Sample {

		private volatile @Nullable String type;

		private volatile @Nullable String key;

		final AtomicLong count = new AtomicLong();

		void add(Throwable failure) {
			add(failure, null);
		}

		void add(Throwable failure, @Nullable String key) {
			this.count.incrementAndGet();
			if (this.type == null) {
				this.key = key;
				this.type = failure.getClass().getName();
			}
		}

		@Nullable String type() {
			return this.type;
		}

		@Nullable String key() {
			return this.key;
		}

	}

	static final class BreakerStats {

		/** Injected exceptions thrown inside the breaker. */
		final AtomicLong reached = new AtomicLong();

		/** Injected exceptions it recorded as failures. */
		final AtomicLong failures = new AtomicLong();

		/** Injected delays inside it. */
		final AtomicLong delays = new AtomicLong();

		final AtomicLong longestDelayNanos = new AtomicLong();

		final Sample ignored = new Sample();

		final Sample notRecorded = new Sample();

		final AtomicLong notPermitted = new AtomicLong();

		final List<Transition> transitions = new CopyOnWriteArrayList<>();

		/** Metrics when it opened after injected failures: failed, buffered, rate. */
		volatile @Nullable String openedBecause;

	}

	static final class RetryStats {

		final AtomicLong reached = new AtomicLong();

		final AtomicLong attempts = new AtomicLong();

		final AtomicLong exhausted = new AtomicLong();

		final AtomicLong recovered = new AtomicLong();

		final Sample ignored = new Sample();

	}

	static final class TimeLimiterStats {

		final AtomicLong latencyInjections = new AtomicLong();

		final AtomicLong longestDelayNanos = new AtomicLong();

		final AtomicLong timeouts = new AtomicLong();

		final AtomicLong failuresReached = new AtomicLong();

	}

	static final class BulkheadStats {

		/** Injections (failures and delays) inside it. */
		final AtomicLong reached = new AtomicLong();

		final AtomicLong rejected = new AtomicLong();

	}

	static final class FallbackStats {

		final AtomicLong reached = new AtomicLong();

		final AtomicLong invocations = new AtomicLong();

		final Sample passedThrough = new Sample();

	}

	static final class UnprotectedStats {

		final AtomicLong injectedFailures = new AtomicLong();

		final AtomicLong injections = new AtomicLong();

	}

	record FallbackKey(String method, String fallbackMethod) {
	}

	/**
	 * An attacked method.
	 *
	 * @param name {@code SimpleClassName.method}
	 * @param guards its guards
	 * @param restController whether its bean is a {@code @RestController}
	 */
	record Attacked(String name, List<Guard> guards, boolean restController) {
	}

}
