package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The resilience report of one experiment, as returned by
 * {@code GET /actuator/chaos/report} and by the {@code Chaos} API.
 *
 * @param since when the experiment started
 * @param injections what was injected
 * @param circuitBreakers one entry per circuit breaker
 * @param retries one entry per retry
 * @param fallbacks one entry per fallback method
 * @param timeLimiters one entry per time limiter
 * @param unprotected attacked methods with no resilience mechanism
 * @param bulkheads one entry per (semaphore) bulkhead
 * @author Chaos Starter team
 */
public record ResilienceReport(Instant since, Injections injections, List<CircuitBreakerReport> circuitBreakers,
		List<RetryReport> retries, List<FallbackReport> fallbacks, List<TimeLimiterReport> timeLimiters,
		List<UnprotectedReport> unprotected, List<BulkheadReport> bulkheads) {

	/**
	 * Create a report without bulkheads.
	 * @param since when the experiment started
	 * @param injections what was injected
	 * @param circuitBreakers one entry per circuit breaker
	 * @param retries one entry per retry
	 * @param fallbacks one entry per fallback method
	 * @param timeLimiters one entry per time limiter
	 * @param unprotected attacked methods with no resilience mechanism
	 */
	public ResilienceReport(Instant since, Injections injections, List<CircuitBreakerReport> circuitBreakers,
			List<RetryReport> retries, List<FallbackReport> fallbacks, List<TimeLimiterReport> timeLimiters,
			List<UnprotectedReport> unprotected) {
		this(since, injections, circuitBreakers, retries, fallbacks, timeLimiters, unprotected, List.of());
	}

	/**
	 * Find a bulkhead's entry.
	 * @param name the instance name
	 * @return the entry or {@code null}
	 */
	public @Nullable BulkheadReport bulkhead(String name) {
		return this.bulkheads.stream().filter((entry) -> entry.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Find a circuit breaker's entry.
	 * @param name the instance name
	 * @return the entry or {@code null}
	 */
	public @Nullable CircuitBreakerReport circuitBreaker(String name) {
		return this.circuitBreakers.stream().filter((entry) -> entry.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Find a retry's entry.
	 * @param name the instance name
	 * @return the entry or {@code null}
	 */
	public @Nullable RetryReport retry(String name) {
		return this.retries.stream().filter((entry) -> entry.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Find a fallback's entry.
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @return the entry or {@code null}
	 */
	public @Nullable FallbackReport fallback(String method) {
		return this.fallbacks.stream().filter((entry) -> entry.method().equals(method)).findFirst().orElse(null);
	}

	/**
	 * Find a time limiter's entry.
	 * @param name the instance name
	 * @return the entry or {@code null}
	 */
	public @Nullable TimeLimiterReport timeLimiter(String name) {
		return this.timeLimiters.stream().filter((entry) -> entry.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Injection totals.
	 *
	 * @param total all injections of the experiment
	 * @param byAssault injections per assault name
	 */
	public record Injections(long total, Map<String, Long> byAssault) {
	}

	/**
	 * A circuit breaker under injected faults.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param injectedFailures injected failures that reached it
	 * @param transitions state transitions during the experiment
	 * @param notPermittedCalls calls it refused while open
	 * @param reason why, in words a user can act on
	 * @param warnings configuration that invites trouble under failure
	 */
	public record CircuitBreakerReport(String name, Verdict verdict, long injectedFailures,
			List<Transition> transitions, long notPermittedCalls, @Nullable String reason, List<String> warnings) {
	}

	/**
	 * A state transition of a circuit breaker.
	 *
	 * @param from the state before
	 * @param to the state after
	 * @param at when
	 * @param afterInjections injected failures it had seen by then
	 */
	public record Transition(String from, String to, Instant at, long afterInjections) {
	}

	/**
	 * A retry under injected faults.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param retryAttempts retry attempts caused by injected failures
	 * @param exhausted calls that failed after all attempts
	 * @param recovered calls that succeeded after at least one retry
	 * @param amplification attempts per original call
	 * @param reason why, in words a user can act on
	 * @param warnings configuration that invites trouble under failure
	 */
	public record RetryReport(String name, Verdict verdict, long retryAttempts, long exhausted, long recovered,
			double amplification, @Nullable String reason, List<String> warnings) {
	}

	/**
	 * A fallback method under injected faults.
	 *
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @param fallbackMethod the fallback method's name
	 * @param verdict the verdict
	 * @param invocations calls the fallback served after an injected failure
	 * @param reason why, in words a user can act on
	 */
	public record FallbackReport(String method, String fallbackMethod, Verdict verdict, long invocations,
			@Nullable String reason) {
	}

	/**
	 * A time limiter under injected latency.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param timeouts calls it timed out
	 * @param reason why, in words a user can act on
	 */
	public record TimeLimiterReport(String name, Verdict verdict, long timeouts, @Nullable String reason) {
	}

	/**
	 * A bulkhead under injected faults.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param rejectedCalls calls it rejected while injected faults reached it
	 * @param reason why, in words a user can act on
	 */
	public record BulkheadReport(String name, Verdict verdict, long rejectedCalls, @Nullable String reason) {
	}

	/**
	 * An attacked method with no resilience mechanism.
	 *
	 * @param method the method as {@code SimpleClassName.method}
	 * @param injectedFailures injected failures
	 * @param reachedCaller injected failures that reached its caller
	 */
	public record UnprotectedReport(String method, long injectedFailures, long reachedCaller) {
	}

}
