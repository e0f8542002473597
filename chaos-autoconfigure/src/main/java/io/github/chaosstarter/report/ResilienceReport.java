package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The resilience report of one experiment, as {@code GET /actuator/chaos/report} and the
 * {@code Chaos} API return it. Every count is of calls that carried an injected fault, as
 * the resilience library's own events showed them, unless its name says otherwise.
 *
 * @param since when the experiment started
 * @param injections what was injected
 * @param steadyState the experiment verdict: whether the service held its steady state
 * @param endpoints what each endpoint's callers saw while chaos ran
 * @param leaks responses with an injected failure whose body revealed internals
 * @param dependencies one entry per dependency that received injected faults: its
 * observed class and, with {@code chaos.expect}, the verdict
 * @param timeline requests, errors, injections and breaker states over time
 * @param circuitBreakers one entry per circuit breaker
 * @param retries one entry per retry
 * @param fallbacks one entry per guarded method and fallback method
 * @param timeLimiters one entry per time limiter
 * @param bulkheads one entry per bulkhead, semaphore and thread pool apart
 * @param unprotected attacked methods that no resilience mechanism guards
 * @author Chaos Starter team
 */
public record ResilienceReport(Instant since, Injections injections, ServiceReport.SteadyState steadyState,
		List<ServiceReport.EndpointReport> endpoints, List<ServiceReport.Leak> leaks,
		List<ServiceReport.DependencyReport> dependencies, List<ServiceReport.TimelineBucket> timeline,
		List<CircuitBreakerReport> circuitBreakers, List<RetryReport> retries, List<FallbackReport> fallbacks,
		List<TimeLimiterReport> timeLimiters, List<BulkheadReport> bulkheads, List<UnprotectedReport> unprotected) {

	private static final ServiceReport.SteadyState NOT_MEASURED = new ServiceReport.SteadyState(
			ServiceReport.Outcome.NOT_MEASURED, "no hypothesis is set: set chaos.hypothesis", null, null);

	/**
	 * Return the report of an experiment in which nothing happened.
	 * @param since when the experiment started
	 * @return the report
	 */
	public static ResilienceReport empty(Instant since) {
		return new ResilienceReport(since, new Injections(0, Map.of()), NOT_MEASURED, List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/**
	 * Render this report as one self-contained HTML page (no external scripts, styles or
	 * fonts), as {@code GET /actuator/chaos/report} answers a browser.
	 * @return the page
	 */
	public String html() {
		return ReportPage.render(this);
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
	 * Find a semaphore bulkhead's entry.
	 * @param name the instance name
	 * @return the entry or {@code null}
	 */
	public @Nullable BulkheadReport bulkhead(String name) {
		return bulkhead(name, BulkheadReport.SEMAPHORE);
	}

	/**
	 * Find a bulkhead's entry.
	 * @param name the instance name
	 * @param type {@code SEMAPHORE} or {@code THREADPOOL}
	 * @return the entry or {@code null}
	 */
	public @Nullable BulkheadReport bulkhead(String name, String type) {
		return this.bulkheads.stream()
			.filter((entry) -> entry.name().equals(name) && entry.type().equals(type))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Find an endpoint's entry.
	 * @param endpoint the method and route pattern, such as {@code GET /api/orders/{id}}
	 * @return the entry or {@code null}
	 */
	public ServiceReport.@Nullable EndpointReport endpoint(String endpoint) {
		return this.endpoints.stream().filter((entry) -> entry.endpoint().equals(endpoint)).findFirst().orElse(null);
	}

	/**
	 * Find an unprotected method's entry.
	 * @param method the method as {@code SimpleClassName.method}
	 * @return the entry or {@code null}
	 */
	public @Nullable UnprotectedReport unprotected(String method) {
		return this.unprotected.stream().filter((entry) -> entry.method().equals(method)).findFirst().orElse(null);
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
	 * A circuit breaker.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param injectedFailures injected failures it recorded
	 * @param injectedSlowCalls calls it recorded as slow because of injected latency
	 * @param transitions its state transitions during the experiment
	 * @param notPermittedCalls calls it refused
	 * @param notPermittedAfterInjection calls it refused while open because of injected
	 * faults
	 * @param reason why, in words a user can act on
	 * @param warnings configuration that invites trouble under failure
	 */
	public record CircuitBreakerReport(String name, Verdict verdict, long injectedFailures, long injectedSlowCalls,
			List<Transition> transitions, long notPermittedCalls, long notPermittedAfterInjection,
			@Nullable String reason, List<String> warnings) {
	}

	/**
	 * A state transition of a circuit breaker, with the window that caused it.
	 *
	 * @param from the state before
	 * @param to the state after
	 * @param at when
	 * @param afterInjections injected failures and injected slow calls in the window
	 * @param calls calls in the window (for an opening)
	 * @param injectedFailures injected failures in the window
	 * @param realFailures other failures in the window
	 * @param injectedSlowCalls calls made slow by injected latency in the window
	 * @param realSlowCalls other slow calls in the window
	 * @param causedByInjection whether the injected faults alone reach the breaker's rate
	 * (for an opening)
	 */
	public record Transition(String from, String to, Instant at, long afterInjections, long calls,
			long injectedFailures, long realFailures, long injectedSlowCalls, long realSlowCalls,
			boolean causedByInjection) {
	}

	/**
	 * A retry.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param retryAttempts retries of injected failures
	 * @param exhausted calls that still failed with an injected fault after the last
	 * attempt
	 * @param recovered calls that succeeded after retrying an injected failure
	 * @param amplification attempts per call that met an injected fault
	 * @param reason why, in words a user can act on
	 * @param warnings configuration that invites trouble under failure
	 */
	public record RetryReport(String name, Verdict verdict, long retryAttempts, long exhausted, long recovered,
			double amplification, @Nullable String reason, List<String> warnings) {
	}

	/**
	 * A fallback method.
	 *
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @param fallbackMethod the fallback method's name
	 * @param verdict the verdict
	 * @param invocations calls it served whose primary call failed because of an injected
	 * fault
	 * @param reason why, in words a user can act on
	 */
	public record FallbackReport(String method, String fallbackMethod, Verdict verdict, long invocations,
			@Nullable String reason) {
	}

	/**
	 * A time limiter.
	 *
	 * @param name the instance name
	 * @param verdict the verdict
	 * @param timeouts calls timed out while injected latency longer than its timeout
	 * delayed them
	 * @param otherTimeouts calls it timed out for other reasons
	 * @param reason why, in words a user can act on
	 */
	public record TimeLimiterReport(String name, Verdict verdict, long timeouts, long otherTimeouts,
			@Nullable String reason) {
	}

	/**
	 * A bulkhead.
	 *
	 * @param name the instance name
	 * @param type {@code SEMAPHORE} or {@code THREADPOOL}
	 * @param verdict the verdict
	 * @param rejectedCalls calls it rejected while injected latency held its permits
	 * @param otherRejections calls it rejected otherwise
	 * @param reason why, in words a user can act on
	 */
	public record BulkheadReport(String name, String type, Verdict verdict, long rejectedCalls, long otherRejections,
			@Nullable String reason) {

		/** Type of a semaphore bulkhead. */
		public static final String SEMAPHORE = "SEMAPHORE";

		/** Type of a thread-pool bulkhead. */
		public static final String THREADPOOL = "THREADPOOL";

	}

	/**
	 * An attacked method that no resilience mechanism guards.
	 *
	 * @param method the method as {@code SimpleClassName.method}, with parameter types
	 * for overloads
	 * @param injectedFailures injected exceptions and error responses
	 * @param injectedDelays injected delays
	 * @param longestDelay the longest injected delay, as {@code 300ms}, or {@code null}
	 * @param reachedCaller injected failures that reached its caller: all of them
	 */
	public record UnprotectedReport(String method, long injectedFailures, long injectedDelays,
			@Nullable String longestDelay, long reachedCaller) {
	}

}
