package io.github.chaosstarter.scenarios.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.ResourceAccessException;

import io.github.chaosstarter.AssaultBuilder;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.InventoryService;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.PaymentService;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.ReactivePaymentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Injected faults run inside the application's own resilience layers: Resilience4j
 * circuit breakers, retries and fallbacks, blocking, reactive and asynchronous, with the
 * instances of the Resilience4j Spring Boot starter of each line
 * ({@code resilience4j-spring-boot4} or {@code resilience4j-spring-boot3}) configured by
 * properties. Spring Framework 7's {@code @Retryable} is tested by the Spring Boot 4
 * module only.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.payments.sliding-window-size=5",
				"resilience4j.circuitbreaker.instances.refunds.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.refunds.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.reactive-payments.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.reactive-payments.sliding-window-size=3",
				"resilience4j.retry.instances.inventory.max-attempts=3",
				"resilience4j.retry.instances.inventory.wait-duration=10ms", "chaos.enabled=true",
				// an assault configured as a user would, in properties
				"chaos.assaults.refunds-down.target.methods=refund",
				"chaos.assaults.refunds-down.exception.message=injected" })
class ResilienceLayersIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	PaymentService payments;

	@Autowired
	InventoryService inventory;

	@Autowired
	ReactivePaymentService reactivePayments;

	@BeforeEach
	void reset() {
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.payments.fallbackFailures().clear();
		this.reactivePayments.fallbackFailures().clear();
	}

	@Test
	void injectedExceptionFromAConfiguredAssaultOpensCircuitBreaker() {
		this.chaos.halt();
		this.chaos.enable();
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.payments.refund("o1"))
				.withMessage("Chaos assault 'refunds-down': injected");
		}
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("refunds");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
	}

	@Test
	void fallbackMethodReceivesInjectedException() {
		attack("payments-down", "charge", ResourceAccessException.class);
		int calls = this.payments.calls().get();
		assertThat(this.payments.charge("o1")).isEqualTo("queued o1");
		assertThat(this.payments.fallbackFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure).hasMessage("Chaos assault 'payments-down': injected failure")
				.isInstanceOf(ResourceAccessException.class)
				.satisfies((injected) -> assertThat(injected.getSuppressed()).singleElement()
					.satisfies((mark) -> assertThat(mark).hasMessage("injected by Chaos Starter"))));
		assertThat(this.payments.calls()).as("the real method did not run").hasValue(calls);
		assertThat(this.circuitBreakers.circuitBreaker("payments").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

	@Test
	void retryRetriesInjectedException() {
		attack("inventory-down", "reserve", null);
		long before = this.retries.retry("inventory").getMetrics().getNumberOfFailedCallsWithRetryAttempt();
		int calls = this.inventory.calls().get();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.inventory.reserve("sku"));
		assertThat(this.retries.retry("inventory").getMetrics().getNumberOfFailedCallsWithRetryAttempt())
			.isEqualTo(before + 1);
		assertThat(this.chaos.state().assaults().get("inventory-down").injected()).isEqualTo(3);
		assertThat(this.inventory.calls()).as("the real method did not run").hasValue(calls);
	}

	@Test
	void retryRecoversWhenInjectionsRunOut() {
		apply(this.chaos.assault("inventory-flaky")
			.target((target) -> target.methods("reserve"))
			.exception()
			.maxInjections(2));
		int before = this.inventory.calls().get();
		assertThat(this.inventory.reserve("sku")).isEqualTo(1);
		assertThat(this.inventory.calls().get()).isEqualTo(before + 1);
		assertThat(this.chaos.state().assaults().get("inventory-flaky").injected()).isEqualTo(2);
	}

	@Test
	void monoFailureReachesReactorCircuitBreakerAndFallback() {
		attack("reactive-down", "charge", null);
		int subscriptions = this.reactivePayments.subscriptions().get();
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(this.reactivePayments.charge("o" + i)).expectNext("queued o" + i).verifyComplete();
		}
		assertThat(this.reactivePayments.fallbackFailures()).hasSize(3)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ChaosException.class));
		assertThat(this.reactivePayments.subscriptions()).as("the real Mono was never subscribed to")
			.hasValue(subscriptions);
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("reactive-payments");
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void completableFutureFailureReachesFallback() {
		attack("async-down", "chargeAsync", null);
		CompletableFuture<String> result = this.payments.chargeAsync("o1");
		assertThat(result).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("queued o1");
		assertThat(this.payments.fallbackFailures()).singleElement().isInstanceOf(ChaosException.class);
	}

	private void attack(String name, String method, Class<? extends Throwable> type) {
		AssaultBuilder assault = this.chaos.assault(name).target((target) -> target.methods(method));
		apply((type != null) ? assault.exception(type, "injected failure") : assault.exception());
	}

	private void apply(AssaultBuilder assault) {
		this.chaos.halt();
		assault.apply();
		this.chaos.enable();
	}

}
