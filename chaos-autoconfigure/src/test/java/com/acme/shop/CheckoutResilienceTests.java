// The complete test of docs/testing.md, verbatim from the package line on: change both
// together (DocsJavaExamplesTests checks that the page's code is here).
package com.acme.shop;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

// Resilience4j's defaults need 100 calls before a breaker may open
@SpringBootTest(properties = { "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.payments.sliding-window-size=4" })
class CheckoutResilienceTests {

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	CheckoutService checkoutService;

	@AfterEach
	void leaveNoChaosBehind() {
		// the context is shared with other test classes: chaos off, the assaults of the
		// application's configuration restored, every breaker closed again
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void checkoutIsQueuedWhilePaymentsFail() {
		this.chaos.assault("payments-down")
			.target((target) -> target.beans("paymentService").methods("charge*"))
			.exception(IllegalStateException.class, "payments unreachable")
			.apply();
		this.chaos.enable();

		String result = this.checkoutService.checkout("order-1");

		assertThat(result).isEqualTo("queued order-1"); // the fallback answered
		assertThat(this.chaos.state().assaults().get("payments-down").injected()).isEqualTo(1);
	}

	@Test
	void circuitBreakerOpensUnderInjectedFailures() {
		this.chaos.assault("payments-down")
			.target((target) -> target.beans("paymentService"))
			.exception(IllegalStateException.class, "boom")
			.apply();
		this.chaos.enable(); // a new experiment: the report starts empty

		for (int i = 0; i < 20; i++) {
			this.checkoutService.checkout("order-" + i);
		}

		CircuitBreakerReport payments = this.chaos.report().circuitBreaker("payments");
		assertThat(payments.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(payments.injectedFailures()).isEqualTo(4); // then it opened
		assertThat(payments.notPermittedCalls()).isEqualTo(16);
		assertThat(this.chaos.report().fallback("PaymentService.charge").invocations()).isEqualTo(20);
	}

}
