package io.github.chaosstarter.test;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.test.MechanismAssert.Mechanism;

/**
 * Assertions on a {@link ResilienceReport}; create them with
 * {@link ChaosAssertions#assertThat(ResilienceReport)}. The mechanism methods
 * ({@link #circuitBreaker(String)}, {@link #retry(String)}, {@link #fallback(String)},
 * {@link #timeLimiter(String)}, {@link #bulkhead(String)}) find one entry by name and
 * fail when there is none, naming the entries the report has.
 *
 * @author Chaos Starter team
 */
public class ResilienceReportAssert extends AbstractAssert<ResilienceReportAssert, ResilienceReport> {

	private static final String INSTANCES_ABSENT = "the report lists the instances of the application's registries; "
			+ "one that an annotation creates exists only after its first call";

	private static final Mechanism<CircuitBreakerReport> CIRCUIT_BREAKER = new Mechanism<>("circuit breaker",
			"circuit breakers", CircuitBreakerReport::name, CircuitBreakerReport::verdict, CircuitBreakerReport::reason,
			CircuitBreakerReport::warnings, INSTANCES_ABSENT);

	private static final Mechanism<RetryReport> RETRY = new Mechanism<>("retry", "retries", RetryReport::name,
			RetryReport::verdict, RetryReport::reason, RetryReport::warnings, INSTANCES_ABSENT);

	private static final Mechanism<FallbackReport> FALLBACK = new Mechanism<>("fallback", "fallbacks",
			(fallback) -> fallback.method() + " -> " + fallback.fallbackMethod(), FallbackReport::verdict,
			FallbackReport::reason, (fallback) -> List.of(),
			"a fallback is listed once an injected fault reaches a method that has one");

	private static final Mechanism<TimeLimiterReport> TIME_LIMITER = new Mechanism<>("time limiter", "time limiters",
			TimeLimiterReport::name, TimeLimiterReport::verdict, TimeLimiterReport::reason, (limiter) -> List.of(),
			INSTANCES_ABSENT);

	private static final Mechanism<BulkheadReport> BULKHEAD = new Mechanism<>("bulkhead", "bulkheads",
			(bulkhead) -> bulkhead.name() + " (" + bulkhead.type() + ")", BulkheadReport::verdict,
			BulkheadReport::reason, (bulkhead) -> List.of(), INSTANCES_ABSENT);

	ResilienceReportAssert(ResilienceReport report) {
		super(report, ResilienceReportAssert.class);
	}

	/**
	 * Find the circuit breaker of that name.
	 * @param name the instance name
	 * @return assertions on its entry
	 */
	public MechanismAssert<CircuitBreakerReport> circuitBreaker(String name) {
		isNotNull();
		return find(CIRCUIT_BREAKER, this.actual.circuitBreakers(), name, (entry) -> entry.name().equals(name));
	}

	/**
	 * Find the retry of that name.
	 * @param name the instance name
	 * @return assertions on its entry
	 */
	public MechanismAssert<RetryReport> retry(String name) {
		isNotNull();
		return find(RETRY, this.actual.retries(), name, (entry) -> entry.name().equals(name));
	}

	/**
	 * Find the fallback of a guarded method: the one entry of that method, whatever its
	 * fallback method. {@code "OrderService.placeOrder -> placeOrderFallback"} names the
	 * fallback method too, as {@link #fallback(String, String)} does.
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @return assertions on its entry
	 */
	public MechanismAssert<FallbackReport> fallback(String method) {
		int arrow = method.indexOf("->");
		if (arrow >= 0) {
			return fallback(method.substring(0, arrow).strip(), method.substring(arrow + 2).strip());
		}
		isNotNull();
		return find(FALLBACK, this.actual.fallbacks(), method, (entry) -> entry.method().equals(method));
	}

	/**
	 * Find the fallback of a guarded method by its fallback method's name.
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @param fallbackMethod the fallback method's name
	 * @return assertions on its entry
	 */
	public MechanismAssert<FallbackReport> fallback(String method, String fallbackMethod) {
		isNotNull();
		return find(FALLBACK, this.actual.fallbacks(), method + " -> " + fallbackMethod,
				(entry) -> entry.method().equals(method) && entry.fallbackMethod().equals(fallbackMethod));
	}

	/**
	 * Find the time limiter of that name.
	 * @param name the instance name
	 * @return assertions on its entry
	 */
	public MechanismAssert<TimeLimiterReport> timeLimiter(String name) {
		isNotNull();
		return find(TIME_LIMITER, this.actual.timeLimiters(), name, (entry) -> entry.name().equals(name));
	}

	/**
	 * Find the bulkhead of that name: the one entry of that name, semaphore or thread
	 * pool.
	 * @param name the instance name
	 * @return assertions on its entry
	 */
	public MechanismAssert<BulkheadReport> bulkhead(String name) {
		isNotNull();
		return find(BULKHEAD, this.actual.bulkheads(), name, (entry) -> entry.name().equals(name));
	}

	/**
	 * Find the bulkhead of that name and type.
	 * @param name the instance name
	 * @param type {@link BulkheadReport#SEMAPHORE} or {@link BulkheadReport#THREADPOOL}
	 * @return assertions on its entry
	 */
	public MechanismAssert<BulkheadReport> bulkhead(String name, String type) {
		isNotNull();
		return find(BULKHEAD, this.actual.bulkheads(), name + " (" + type + ")",
				(entry) -> entry.name().equals(name) && entry.type().equals(type));
	}

	/**
	 * Verify that the service held its steady state while chaos ran (verdict
	 * {@code HELD}); needs a {@code chaos.hypothesis}.
	 * @return this
	 */
	public ResilienceReportAssert steadyStateHeld() {
		return steadyState(ServiceReport.Outcome.HELD);
	}

	/**
	 * Verify that the service broke its steady state while chaos ran (verdict
	 * {@code VIOLATED}); needs a {@code chaos.hypothesis}.
	 * @return this
	 */
	public ResilienceReportAssert steadyStateViolated() {
		return steadyState(ServiceReport.Outcome.VIOLATED);
	}

	/**
	 * Verify that no response with an injected failure revealed internals (exception
	 * class names, stack frames, the injected message, package names).
	 * @return this
	 */
	public ResilienceReportAssert noLeaks() {
		isNotNull();
		List<ServiceReport.Leak> leaks = this.actual.leaks();
		if (!leaks.isEmpty()) {
			throw failure("%nExpecting no response to reveal internals, but %d did:%n%s", leaks.size(),
					lines(leaks.stream()
						.map((leak) -> leak.endpoint() + " answered " + leak.status() + " revealing "
								+ String.join(", ", leak.leaked()) + ": " + leak.sample())
						.toList()));
		}
		return this.myself;
	}

	/**
	 * Verify that every attacked method is guarded by a resilience mechanism: no injected
	 * fault reached a caller unguarded.
	 * @return this
	 */
	public ResilienceReportAssert hasNoUnprotectedMethods() {
		isNotNull();
		List<UnprotectedReport> unprotected = this.actual.unprotected();
		if (!unprotected.isEmpty()) {
			throw failure("%nExpecting every attacked method to be guarded, but %d are not:%n%s", unprotected.size(),
					lines(unprotected.stream().map(ResilienceReportAssert::describe).toList()));
		}
		return this.myself;
	}

	/**
	 * Verify that every dependency with an expected class ({@code chaos.expect}) turned
	 * out as expected, and that at least one was verified.
	 * @return this
	 */
	public ResilienceReportAssert dependenciesAsExpected() {
		isNotNull();
		List<ServiceReport.DependencyReport> dependencies = this.actual.dependencies();
		List<ServiceReport.DependencyReport> violated = dependencies.stream()
			.filter((entry) -> entry.verdict() == ServiceReport.Outcome.VIOLATED)
			.toList();
		if (!violated.isEmpty()) {
			throw failure("%nExpecting every dependency to be of its expected class, but %d are not:%n%s",
					violated.size(),
					lines(violated.stream().map((entry) -> entry.name() + ": " + entry.reason()).toList()));
		}
		if (dependencies.stream().noneMatch((entry) -> entry.verdict() != null)) {
			throw failure("%nExpecting dependencies of an expected class, but %s",
					dependencies.isEmpty() ? "no dependency received an injected fault"
							: "chaos.expect names none of the faulted ones: " + dependencies.stream()
								.map(ServiceReport.DependencyReport::name)
								.collect(Collectors.joining(", ")));
		}
		return this.myself;
	}

	/**
	 * Verify the class a dependency was observed to have.
	 * @param name the dependency's name, as the report gives it
	 * @param observed the class
	 * @return this
	 */
	public ResilienceReportAssert dependency(String name, ServiceReport.DependencyClass observed) {
		isNotNull();
		ServiceReport.DependencyReport entry = this.actual.dependencies()
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> failure("%nExpecting the report to have a dependency `%s`, but it has %s", name,
					this.actual.dependencies().isEmpty() ? "none (no dependency received an injected fault)"
							: "only: " + this.actual.dependencies()
								.stream()
								.map(ServiceReport.DependencyReport::name)
								.collect(Collectors.joining(", "))));
		if (entry.observed() != observed) {
			throw failure("%nExpecting dependency `%s` to be %s, but it is %s: %s", name, observed, entry.observed(),
					entry.reason());
		}
		return this.myself;
	}

	private ResilienceReportAssert steadyState(ServiceReport.Outcome expected) {
		isNotNull();
		ServiceReport.SteadyState steadyState = this.actual.steadyState();
		if (steadyState.verdict() != expected) {
			throw failure("%nExpecting the steady state to be %s, but it is %s: %s%nbaseline: %s%nduring:   %s",
					expected, steadyState.verdict(), steadyState.reason(), describe(steadyState.baseline()),
					describe(steadyState.during()));
		}
		return this.myself;
	}

	private <T> MechanismAssert<T> find(Mechanism<T> mechanism, List<T> entries, String wanted, Predicate<T> match) {
		List<T> found = entries.stream().filter(match).toList();
		if (found.size() == 1) {
			T entry = found.get(0);
			MechanismAssert<T> entryAssert = new MechanismAssert<>(this,
					mechanism.singular() + " `" + mechanism.name().apply(entry) + "`", entry, mechanism);
			return entryAssert.describedAs(this.info.description());
		}
		if (found.isEmpty()) {
			throw failure("%nExpecting the report to have a %s `%s`, but %s", mechanism.singular(), wanted,
					(entries.isEmpty()) ? "it has no " + mechanism.plural() + " (" + mechanism.absent() + ")"
							: "it has only: " + names(mechanism, entries));
		}
		throw failure("%nExpecting the report to have one %s `%s`, but it has %d: %s; name the one you mean",
				mechanism.singular(), wanted, found.size(), names(mechanism, found));
	}

	private static <T> String names(Mechanism<T> mechanism, List<T> entries) {
		return entries.stream()
			.map((entry) -> "`" + mechanism.name().apply(entry) + "`")
			.collect(Collectors.joining(", "));
	}

	private static String describe(UnprotectedReport method) {
		String text = method.method() + ": " + method.reachedCaller() + " of " + method.injectedFailures()
				+ " injected failures reached the caller";
		if (method.injectedDelays() > 0) {
			text += ", " + method.injectedDelays() + " injected delays (longest " + method.longestDelay() + ")";
		}
		return text;
	}

	private static String describe(ServiceReport.@Nullable Window window) {
		if (window == null) {
			return "not recorded";
		}
		return window.requests() + " requests, error rate " + window.errorRate() + ", p50 " + window.p50() + ", p99 "
				+ window.p99();
	}

	private static String lines(List<String> lines) {
		return lines.stream().map((line) -> "  " + line).collect(Collectors.joining(System.lineSeparator()));
	}

}
