// The JUnit example of docs/report.md, verbatim from the package line on: change both
// together (DocsJavaExamplesTests checks that the page's code is here).
package com.acme.shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
		properties = { "chaos.enabled=true", "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.payments.sliding-window-size=5",
				"chaos.assaults.payments-down.target.methods=charge",
				"chaos.assaults.payments-down.exception.type=org.springframework.web.client.ResourceAccessException" })
class PaymentsResilienceTests {

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentService paymentService;

	@BeforeEach
	void newExperiment() {
		this.chaos.resetReport();
	}

	@Test
	void paymentsBreakerOpensAndTheFallbackServes() {
		for (int i = 0; i < 10; i++) {
			this.paymentService.charge("order-" + i);
		}
		ResilienceReport report = this.chaos.report();
		// 5 injected failures open the breaker; the fallback serves all 10 calls
		CircuitBreakerReport payments = report.circuitBreaker("payments");
		assertThat(payments.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(payments.injectedFailures()).isEqualTo(5);
		assertThat(payments.notPermittedCalls()).isEqualTo(5);
		assertThat(payments.notPermittedAfterInjection()).isEqualTo(5);
		Transition opening = payments.transitions().get(0);
		assertThat(opening.to()).isEqualTo("OPEN");
		assertThat(opening.injectedFailures()).isEqualTo(5);
		assertThat(opening.causedByInjection()).isTrue();
		assertThat(report.fallback("PaymentService.charge").invocations()).isEqualTo(10);
		assertThat(report.unprotected()).isEmpty();
		assertThat(report.injections().byAssault()).containsEntry("payments-down", 5L);
	}

}
