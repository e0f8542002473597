package io.github.chaosstarter.compat;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.SpringVersion;
import org.springframework.web.client.ResourceAccessException;

import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.compat.Boot3ShopApplication.AuditService;
import io.github.chaosstarter.compat.Boot3ShopApplication.InventoryService;
import io.github.chaosstarter.compat.Boot3ShopApplication.PaymentService;
import io.github.chaosstarter.compat.Boot3ShopApplication.PriceCalculator;
import io.github.chaosstarter.compat.Boot3ShopApplication.ReactivePaymentService;
import io.github.chaosstarter.compat.Boot3ShopApplication.StockRepository;
import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter built for Spring Boot 4 in a real Spring Boot 3.5 application with
 * {@code resilience4j-spring-boot3}: injected faults run inside Resilience4j's circuit
 * breakers, retries and fallbacks (blocking and reactive), latency delays calls,
 * targeting leaves unwatched beans alone and injections are counted in Micrometer. Every
 * assault is configured as a user would, in properties, and aims at its own method.
 */
@SpringBootTest(classes = Boot3ShopApplication.class, properties = { "chaos.enabled=true",
		"chaos.assaults.refunds-down.target.methods=refund", "chaos.assaults.refunds-down.exception.message=injected",
		"chaos.assaults.payments-down.target.methods=charge",
		"chaos.assaults.payments-down.exception.type=org.springframework.web.client.ResourceAccessException",
		"chaos.assaults.payments-down.exception.message=payments unreachable",
		"chaos.assaults.inventory-down.target.methods=reserve",
		"chaos.assaults.inventory-down.exception.message=injected",
		"chaos.assaults.reactive-down.target.methods=chargeReactive",
		"chaos.assaults.reactive-down.exception.message=injected", "chaos.assaults.slow-stock.target.kinds=repository",
		"chaos.assaults.slow-stock.latency.min=300ms", "chaos.assaults.slow-stock.latency.max=300ms",
		"chaos.assaults.audit-down.target.methods=audit", "chaos.assaults.audit-down.exception.message=injected",
		"chaos.assaults.price-down.target.methods=price", "chaos.assaults.price-down.exception.message=injected",
		"resilience4j.circuitbreaker.instances.refunds.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.refunds.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.reactive-payments.minimum-number-of-calls=3",
		"resilience4j.circuitbreaker.instances.reactive-payments.sliding-window-size=3",
		"resilience4j.retry.instances.inventory.max-attempts=3",
		"resilience4j.retry.instances.inventory.wait-duration=10ms" })
class ResilienceOnBoot3IntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PaymentService payments;

	@Autowired
	InventoryService inventory;

	@Autowired
	ReactivePaymentService reactivePayments;

	@Autowired
	StockRepository stock;

	@Autowired
	AuditService audit;

	@Autowired
	PriceCalculator prices;

	@Test
	void runsOnSpringBoot35AndSpringFramework62() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(SpringVersion.getVersion()).startsWith("6.2.");
	}

	@Test
	void injectedExceptionOpensCircuitBreaker() {
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.payments.refund("o1"))
				.withMessageStartingWith("Chaos assault 'refunds-down':");
		}
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("refunds");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
	}

	@Test
	void fallbackMethodReceivesInjectedException() {
		assertThat(this.payments.charge("o1")).isEqualTo("queued o1");
		assertThat(this.payments.fallbackFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure).isInstanceOf(ResourceAccessException.class)
				.hasMessage("Chaos assault 'payments-down': payments unreachable"));
		assertThat(this.circuitBreakers.circuitBreaker("payments").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

	@Test
	void retryRetriesInjectedException() {
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.inventory.reserve("sku"));
		assertThat(this.retries.retry("inventory").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
		assertThat(this.chaos.state().assaults().get("inventory-down").injected()).isEqualTo(3);
		assertThat(this.inventory.calls()).isZero();
	}

	@Test
	void monoFailureReachesReactorCircuitBreakerAndFallback() {
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(this.reactivePayments.chargeReactive("o" + i))
				.expectNext("queued o" + i)
				.verifyComplete();
		}
		assertThat(this.reactivePayments.fallbackFailures()).hasSize(3)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ChaosException.class));
		assertThat(this.reactivePayments.subscriptions()).isZero();
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("reactive-payments");
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void latencyDelaysCall() {
		long start = System.nanoTime();
		assertThat(this.stock.find("sku")).isEqualTo(7);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.chaos.state().assaults().get("slow-stock").injected()).isPositive();
	}

	@Test
	void unwatchedComponentIsNotProxied() {
		assertThat(AopUtils.isAopProxy(this.prices)).isFalse();
		assertThat(AopUtils.isAopProxy(this.stock)).isTrue();
		assertThat(this.prices.price("sku")).isEqualTo(42);
		assertThat(this.prices.calls()).isEqualTo(1);
		assertThat(this.chaos.state().assaults().get("price-down").matched()).isZero();
	}

	@Test
	void injectionsAreCountedInMicrometer() {
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.audit.audit("login"));
		assertThat(this.meters.get("chaos.injections")
			.tag("assault", "audit-down")
			.tag("effect", "exception")
			.tag("method", "audit")
			.counter()
			.count()).isEqualTo(1.0);
		assertThat(this.meters.get("chaos.enabled").gauge().value()).isEqualTo(1.0);
	}

}
