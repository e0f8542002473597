package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What the report needs to know about the application's resilience instances: their
 * names, their configuration and their current state, in plain Java terms so that the
 * verdict logic can be driven without Resilience4j or Spring.
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

	default Set<String> bulkheads() {
		return Set.of();
	}

	default @Nullable Integer bulkheadMaxConcurrentCalls(String name) {
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
	 * @param records whether an exception is recorded as a failure
	 * @param ignores whether an exception is ignored
	 * @param slowCallDurationThreshold how long a call must take to count as slow
	 * @param slowCallRateThreshold the slow call rate threshold in percent
	 */
	record BreakerSettings(int minimumNumberOfCalls, float failureRateThreshold, int slidingWindowSize,
			boolean countBased, Predicate<Throwable> records, Predicate<Throwable> ignores,
			Duration slowCallDurationThreshold, float slowCallRateThreshold) {
	}

	/**
	 * A retry's configuration.
	 *
	 * @param maxAttempts the maximum attempts, the first call included
	 * @param retries whether an exception is retried
	 * @param fixedWait the wait between attempts when it is fixed and without jitter,
	 * else {@code null}
	 * @param ignoredBy the configuration key that stops an exception from being retried
	 */
	record RetrySettings(int maxAttempts, Predicate<Throwable> retries, @Nullable Duration fixedWait,
			java.util.function.Function<Throwable, String> ignoredBy) {
	}

}
