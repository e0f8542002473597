package io.github.chaosstarter.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.Injections;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.report.ServiceReport.DependencyClass;
import io.github.chaosstarter.report.ServiceReport.Outcome;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions on reports built by hand: each verdict, the messages of a failure, the
 * names listed when one is missing.
 */
class ChaosAssertionsTests {

	private static final Instant SINCE = Instant.parse("2026-11-28T10:00:00Z");

	private static final String OPENED = "opened with 4 injected and 0 real failures of 4 calls "
			+ "(failureRateThreshold 50%): injected faults opened it";

	private static final String IGNORED = "the injected java.lang.IllegalStateException is in ignoreExceptions "
			+ "of circuit breaker `shipping`";

	private final ResilienceReport report = report(
			List.of(breaker("payments", Verdict.REACTED, OPENED), breaker("shipping", Verdict.DID_NOT_REACT, IGNORED)),
			List.of(new RetryReport("inventory", Verdict.NOT_EXERCISED, 0, 0, 0, 0.0,
					"no injected failure reached retry `inventory`", List.of("fixed wait without jitter")),
					new RetryReport("pricing", Verdict.REACTED, 6, 0, 2, 3.0, "retried 6 times", List.of())),
			List.of(new FallbackReport("PaymentService.charge", "chargeFallback", Verdict.REACTED, 12,
					"served 12 calls"),
					new FallbackReport("OrderService.place", "placeFallback", Verdict.DID_NOT_REACT, 0,
							"the injected ChaosException reached the caller"),
					new FallbackReport("OrderService.place", "retryFallback", Verdict.NOT_EXERCISED, 0, "none")),
			List.of(new TimeLimiterReport("quotes", Verdict.REACTED, 4, 0, "timed out 4 calls")),
			List.of(new BulkheadReport("stock", BulkheadReport.SEMAPHORE, Verdict.NOT_EXERCISED, 0, 0,
					"send more concurrent calls"),
					new BulkheadReport("stock", BulkheadReport.THREADPOOL, Verdict.REACTED, 3, 0, "rejected 3")),
			List.of());

	@Test
	void eachMechanismsVerdictPasses() {
		ChaosAssertions.assertThat(this.report)
			.circuitBreaker("payments")
			.reacted()
			.hasReasonContaining("injected faults opened it")
			.and()
			.circuitBreaker("shipping")
			.didNotReact()
			.and()
			.retry("inventory")
			.notExercised()
			.and()
			.retry("pricing")
			.reacted()
			.and()
			.fallback("PaymentService.charge")
			.reacted()
			.and()
			.fallback("OrderService.place", "placeFallback")
			.didNotReact()
			.and()
			.fallback("OrderService.place -> retryFallback")
			.notExercised()
			.and()
			.timeLimiter("quotes")
			.reacted()
			.and()
			.bulkhead("stock", BulkheadReport.SEMAPHORE)
			.notExercised()
			.and()
			.bulkhead("stock", BulkheadReport.THREADPOOL)
			.hasVerdict(Verdict.REACTED)
			.and()
			.hasNoUnprotectedMethods()
			.noLeaks();
	}

	@Test
	void theEntryIsTheActualValue() {
		ChaosAssertions.assertThat(this.report)
			.circuitBreaker("payments")
			.satisfies((payments) -> assertThat(payments.injectedFailures()).isEqualTo(4));
		ChaosAssertions.assertThat(this.report)
			.fallback("PaymentService.charge")
			.extracting(FallbackReport::invocations)
			.isEqualTo(12L);
	}

	@Test
	void aWrongVerdictFailsWithTheReportsReasonAndWarnings() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).circuitBreaker("shipping").reacted())
			.withMessageContaining("Expecting circuit breaker `shipping` to be REACTED, but it is DID_NOT_REACT: ")
			.withMessageContaining(IGNORED);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).retry("inventory").reacted())
			.withMessageContaining("no injected failure reached retry `inventory`")
			.withMessageContaining("warnings: fixed wait without jitter");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).circuitBreaker("payments").notExercised())
			.withMessageContaining(OPENED);
	}

	@Test
	void aReasonThatDoesNotContainTheTextFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report)
				.circuitBreaker("shipping")
				.hasReasonContaining("recordExceptions"))
			.withMessageContaining("Expecting the reason of circuit breaker `shipping` to contain")
			.withMessageContaining(IGNORED);
	}

	@Test
	void aMissingNameFailsWithTheNamesTheReportHas() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).circuitBreaker("paymnts"))
			.withMessageContaining("Expecting the report to have a circuit breaker `paymnts`, but it has only: "
					+ "`payments`, `shipping`");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).fallback("PaymentService.pay"))
			.withMessageContaining("`PaymentService.charge -> chargeFallback`");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(ResilienceReport.empty(SINCE)).timeLimiter("quotes"))
			.withMessageContaining("it has no time limiters (")
			.withMessageContaining("exists only after its first call");
	}

	@Test
	void anAmbiguousNameFailsAndListsTheCandidates() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).fallback("OrderService.place"))
			.withMessageContaining(
					"has 2: `OrderService.place -> placeFallback`, `OrderService.place -> retryFallback`");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.report).bulkhead("stock"))
			.withMessageContaining("`stock (SEMAPHORE)`, `stock (THREADPOOL)`");
	}

	@Test
	void steadyStateVerdicts() {
		ServiceReport.Window baseline = new ServiceReport.Window(120, 0.0, "12ms", "40ms");
		ServiceReport.Window during = new ServiceReport.Window(300, 0.05, "15ms", "310ms");
		ResilienceReport held = withSteadyState(
				new ServiceReport.SteadyState(Outcome.HELD, "every figure held", baseline, during));
		ResilienceReport violated = withSteadyState(new ServiceReport.SteadyState(Outcome.VIOLATED,
				"error rate 0.05 is above max-error-rate 0.01", baseline, during));
		ChaosAssertions.assertThat(held).steadyStateHeld();
		ChaosAssertions.assertThat(violated).steadyStateViolated();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(violated).steadyStateHeld())
			.withMessageContaining("Expecting the steady state to be HELD, but it is VIOLATED: "
					+ "error rate 0.05 is above max-error-rate 0.01")
			.withMessageContaining("during:   300 requests, error rate 0.05, p50 15ms, p99 310ms");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(ResilienceReport.empty(SINCE)).steadyStateViolated())
			.withMessageContaining("but it is NOT_MEASURED: no hypothesis is set")
			.withMessageContaining("baseline: not recorded");
	}

	@Test
	void dependenciesPassWhenTheyHeldAndFailNamingTheContradiction() {
		ServiceReport.DependencyReport database = new ServiceReport.DependencyReport("jdbc:dataSource", "jdbc", 8, 8, 8,
				0, DependencyClass.CRITICAL, DependencyClass.CRITICAL, Outcome.HELD,
				"expected and observed critical: 8 of 8 requests that called it under injected faults failed (5xx)");
		ServiceReport.DependencyReport shipping = new ServiceReport.DependencyReport("shipping", "http", 5, 5, 5, 0,
				DependencyClass.CRITICAL, DependencyClass.OPTIONAL, Outcome.VIOLATED,
				"expected optional but observed critical: 5 of 5 requests that called it under injected faults failed (5xx)");
		ChaosAssertions.assertThat(withDependencies(List.of(database)))
			.dependenciesAsExpected()
			.dependency("jdbc:dataSource", DependencyClass.CRITICAL);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(withDependencies(List.of(database, shipping)))
				.dependenciesAsExpected())
			.withMessageContaining("but 1 are not:")
			.withMessageContaining("shipping: expected optional but observed critical");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(withDependencies(List.of())).dependenciesAsExpected())
			.withMessageContaining("no dependency received an injected fault");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(withDependencies(List.of(shipping)))
				.dependency("shipping", DependencyClass.OPTIONAL))
			.withMessageContaining("Expecting dependency `shipping` to be OPTIONAL, but it is CRITICAL");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(withDependencies(List.of(shipping)))
				.dependency("payments", DependencyClass.DEGRADABLE))
			.withMessageContaining("a dependency `payments`, but it has only: shipping");
	}

	@Test
	void leaksFailWithWhatEachResponseRevealed() {
		ResilienceReport empty = ResilienceReport.empty(SINCE);
		ResilienceReport leaking = new ResilienceReport(SINCE, empty.injections(), empty.steadyState(), List.of(),
				List.of(new ServiceReport.Leak("GET /api/orders/{id}", 500,
						List.of("exception class name", "stack frame"),
						"…io.github.chaosstarter.ChaosException: Chaos assault…")),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ChaosAssertions.assertThat(leaking).noLeaks())
			.withMessageContaining("but 1 did:")
			.withMessageContaining("GET /api/orders/{id} answered 500 revealing exception class name, stack frame: "
					+ "…io.github.chaosstarter.ChaosException");
	}

	@Test
	void unprotectedMethodsFailWithWhatReachedTheCaller() {
		ResilienceReport unprotected = report(List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(new UnprotectedReport("StockRepository.find", 9, 2, "300ms", 9)));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(unprotected).hasNoUnprotectedMethods())
			.withMessageContaining("but 1 are not:")
			.withMessageContaining("StockRepository.find: 9 of 9 injected failures reached the caller, "
					+ "2 injected delays (longest 300ms)");
	}

	@Test
	void aDescriptionPrefixesTheMessage() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> ChaosAssertions.assertThat(this.report).as("checkout").circuitBreaker("shipping").reacted())
			.withMessageStartingWith("[checkout]");
	}

	private static CircuitBreakerReport breaker(String name, Verdict verdict, String reason) {
		return new CircuitBreakerReport(name, verdict, 4, 0, List.of(), 0, 0, reason, List.of());
	}

	private static ResilienceReport withDependencies(List<ServiceReport.DependencyReport> dependencies) {
		ResilienceReport empty = ResilienceReport.empty(SINCE);
		return new ResilienceReport(SINCE, empty.injections(), empty.steadyState(), List.of(), List.of(), dependencies,
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	private static ResilienceReport withSteadyState(ServiceReport.SteadyState steadyState) {
		return new ResilienceReport(SINCE, new Injections(0, Map.of()), steadyState, List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	private static ResilienceReport report(List<CircuitBreakerReport> circuitBreakers, List<RetryReport> retries,
			List<FallbackReport> fallbacks, List<TimeLimiterReport> timeLimiters, List<BulkheadReport> bulkheads,
			List<UnprotectedReport> unprotected) {
		ResilienceReport empty = ResilienceReport.empty(SINCE);
		return new ResilienceReport(SINCE, new Injections(16, Map.of("payments-down", 16L)), empty.steadyState(),
				List.of(), List.of(), List.of(), List.of(), circuitBreakers, retries, fallbacks, timeLimiters,
				bulkheads, unprotected);
	}

}
