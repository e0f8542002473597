package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What the report needs to know about the application's resilience instances: their
 * names, their configuration and their state, in plain Java terms so that the verdict
 * logic runs without Resilience4j or Spring.
 *
 * @author Chaos Starter team
 */
interface InstanceSettings {

	/** No resilience library present. */
	InstanceSettings NONE = new InstanceSettings() {
	};

	default Set<String> circuitBreakers() {
		return Set.of();
	}

	default Set<String> retries() {
		return Set.of();
	}

	default Set<String> timeLimiters() {
		return Set.of();
	}

	/**
	 * Return the bulkheads by name, semaphore and thread-pool ones apart.
	 * @param threadPool {@code true} for thread-pool bulkheads
	 * @return the names
	 */
	default Set<String> bulkheads(boolean threadPool) {
		return Set.of();
	}

	/**
	 * Return a bulkhead's limit: {@code maxConcurrentCalls} of a semaphore bulkhead,
	 * {@code maxThreadPoolSize + queueCapacity} of a thread-pool one.
	 */
	default @Nullable String bulkheadLimit(String name, boolean threadPool) {
		return null;
	}

	default @Nullable BreakerSettings breaker(String name) {
		return null;
	}

	default @Nullable String breakerState(String name) {
		return null;
	}

	default @Nullable RetrySettings retry(String name) {
		return null;
	}

	default @Nullable Duration timeLimiterTimeout(String name) {
		return null;
	}

	/**
	 * Return the aspect orders of Resilience4j's retry and circuit breaker aspects.
	 * @return {@code [retryOrder, circuitBreakerOrder]} or {@code null} when unknown
	 */
	default int @Nullable [] retryAndBreakerOrder() {
		return null;
	}

	/**
	 * A circuit breaker's configuration.
	 *
	 * @param minimumNumberOfCalls the effective minimum number of calls
	 * @param failureRateThreshold the failure rate threshold in percent
	 * @param slidingWindowSize the sliding window size
	 * @param countBased whether the sliding window counts calls (else seconds)
	 * @param halfOpenCalls permitted calls in the half-open state
	 * @param records whether an exception is recorded as a failure
	 * @param ignores whether an exception is ignored
	 * @param slowCallDurationThreshold how long a call must take to count as slow
	 * @param slowCallRateThreshold the slow call rate threshold in percent
	 */
	record BreakerSettings(int minimumNumberOfCalls, float failureRateThreshold, int slidingWindowSize,
			boolean countBased, int halfOpenCalls, Predicate<Throwable> records, Predicate<Throwable> ignores,
			Duration slowCallDurationThreshold, float slowCallRateThreshold) {
	}

	/**
	 * A retry's configuration.
	 *
	 * @param maxAttempts the maximum attempts, the first call included
	 * @param fixedWait the wait between attempts when it is fixed and without jitter,
	 * else {@code null}
	 */
	record RetrySettings(int maxAttempts, @Nullable Duration fixedWait) {
	}

}
