package io.github.chaosstarter.test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerEvent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.test.fixtures.PaymentService;
import io.github.chaosstarter.test.fixtures.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What one test leaves behind does not reach the next: the breaker it opened is closed,
 * the assaults it added are gone and the configured one is back, the report starts anew.
 * The breaker's own state and events are the ground truth.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
@ChaosExperiment
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosExperimentIsolationTests {

	/** Events of the breaker {@code payments}, as Resilience4j published them. */
	private static final List<CircuitBreakerEvent.Type> events = new CopyOnWriteArrayList<>();

	private static Instant firstTestEnded;

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentService paymentService;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Test
	@Order(1)
	void aTestOpensTheBreakerAndChangesTheAssaults() {
		CircuitBreaker payments = this.circuitBreakers.circuitBreaker("payments");
		payments.getEventPublisher().onEvent((event) -> events.add(event.getEventType()));
		this.chaos.remove("stock-slow");
		this.chaos.assault("payments-down").target((t) -> t.beans("paymentService")).exception().apply();
		this.chaos.enable();
		for (int i = 0; i < 6; i++) {
			assertThat(this.paymentService.charge("order-" + i)).isEqualTo("queued order-" + i);
		}
		assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(events).contains(CircuitBreakerEvent.Type.STATE_TRANSITION)
			.doesNotContain(CircuitBreakerEvent.Type.RESET);
		assertThat(this.chaos.state().assaults()).containsOnlyKeys("payments-down");
		firstTestEnded = Instant.now();
	}

	@Test
	@Order(2)
	void theNextTestFindsTheBreakerClosedAndTheConfiguredAssaultsOnly() {
		assumeThat(firstTestEnded).as("the first test ran before").isNotNull();
		CircuitBreaker payments = this.circuitBreakers.circuitBreaker("payments");
		assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(payments.getMetrics().getNumberOfBufferedCalls()).isZero();
		assertThat(events).endsWith(CircuitBreakerEvent.Type.STATE_TRANSITION, CircuitBreakerEvent.Type.RESET);
		Chaos.State state = this.chaos.state();
		assertThat(state.enabled()).isFalse();
		assertThat(state.assaults()).containsOnlyKeys("stock-slow");
		assertThat(this.paymentService.charge("order-x")).isEqualTo("charged order-x");
	}

	@Test
	@Order(3)
	void everyFigureOfTheReportIsMeasuredFromTheTestsStart() {
		assumeThat(firstTestEnded).as("the first test ran before").isNotNull();
		ResilienceReport report = this.chaos.report();
		assertThat(report.since()).isAfterOrEqualTo(firstTestEnded);
		assertThat(report.injections().total()).isZero();
		assertThat(report.circuitBreaker("payments")).satisfies((payments) -> {
			assertThat(payments.injectedFailures()).isZero();
			assertThat(payments.transitions()).isEmpty();
			assertThat(payments.notPermittedCalls()).isZero();
		});
		assertThat(report.fallbacks()).allSatisfy((fallback) -> assertThat(fallback.invocations()).isZero());
	}

}
