package io.github.chaosstarter.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.test.fixtures.PaymentService;
import io.github.chaosstarter.test.fixtures.ShopApplication;
import io.github.chaosstarter.test.fixtures.StockService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions on reports of a real Resilience4j breaker, whose own state and events
 * are the ground truth of each verdict.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
@ChaosExperiment
class ChaosAssertionsRealReportTests {

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentService paymentService;

	@Autowired
	StockService stockService;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Test
	void aBreakerThatInjectedFailuresOpenedReacted() {
		List<CircuitBreaker.StateTransition> transitions = transitions();
		this.chaos.assault("payments-down").target((t) -> t.beans("paymentService")).exception().apply();
		this.chaos.enable();
		long queued = IntStream.range(0, 8)
			.filter((i) -> this.paymentService.charge("order-" + i).startsWith("queued"))
			.count();
		assertThat(transitions).containsExactly(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
		ChaosAssertions.assertThat(this.chaos.report())
			.circuitBreaker("payments")
			.reacted()
			.satisfies((payments) -> assertThat(payments.notPermittedCalls()).isEqualTo(4))
			.and()
			.fallback("PaymentService.charge -> chargeFallback")
			.reacted()
			.satisfies((fallback) -> assertThat(fallback.invocations()).isEqualTo(queued))
			.and()
			.hasNoUnprotectedMethods();
	}

	@Test
	void aFailedAssertionCarriesTheReportsReason() {
		List<CircuitBreaker.StateTransition> transitions = transitions();
		this.chaos.assault("payments-down").target((t) -> t.beans("paymentService")).exception().apply();
		this.chaos.enable();
		this.paymentService.charge("order-1");
		this.paymentService.charge("order-2");
		CircuitBreaker payments = this.circuitBreakers.circuitBreaker("payments");
		assertThat(payments.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
		assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(transitions).isEmpty();
		ResilienceReport report = this.chaos.report();
		String reason = report.circuitBreaker("payments").reason();
		assertThat(reason).contains("minimumNumberOfCalls=4");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(report).circuitBreaker("payments").reacted())
			.withMessageContaining("circuit breaker `payments` to be REACTED, but it is DID_NOT_REACT")
			.withMessageContaining(reason);
		ChaosAssertions.assertThat(report).circuitBreaker("payments").didNotReact();
	}

	@Test
	void aBreakerNoInjectedFaultReachedWasNotExercised() {
		this.chaos.assault("stock-down").target((t) -> t.beans("stockService")).exception().apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stockService.reserve("book"));
		assertThat(this.paymentService.charge("order-1")).isEqualTo("charged order-1");
		CircuitBreaker payments = this.circuitBreakers.circuitBreaker("payments");
		assertThat(payments.getMetrics().getNumberOfFailedCalls()).isZero();
		ResilienceReport report = this.chaos.report();
		ChaosAssertions.assertThat(report).circuitBreaker("payments").notExercised();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(report).hasNoUnprotectedMethods())
			.withMessageContaining("StockService.reserve: 1 of 1 injected failures reached the caller");
	}

	@Test
	void aMissingBreakerNameListsTheBreakersOfTheApplication() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ChaosAssertions.assertThat(this.chaos.report()).circuitBreaker("payment"))
			.withMessageContaining(
					"Expecting the report to have a circuit breaker `payment`, but it has only: " + "`payments`");
	}

	private List<CircuitBreaker.StateTransition> transitions() {
		// from this test's start: the extension has reset the breaker already
		List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
		this.circuitBreakers.circuitBreaker("payments")
			.getEventPublisher()
			.onStateTransition((event) -> transitions.add(event.getStateTransition()));
		return transitions;
	}

}
