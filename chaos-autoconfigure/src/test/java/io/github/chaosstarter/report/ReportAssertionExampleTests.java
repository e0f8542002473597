package io.github.chaosstarter.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.PaymentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the report with chaos and the assault configured by properties and
 * switched on at startup, in the report's own fixture. The example of docs/report.md is
 * {@code com.acme.shop.PaymentsResilienceTests}.
 */
@SpringBootTest(classes = ReportShopApplication.class,
		properties = { "chaos.enabled=true", "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.payments.sliding-window-size=5",
				"chaos.assaults.payments-down.target.methods=charge",
				"chaos.assaults.payments-down.exception.type=org.springframework.web.client.ResourceAccessException" })
class ReportAssertionExampleTests {

	@Autowired
	Chaos.Reports reporter;

	@Autowired
	PaymentService payments;

	@BeforeEach
	void newExperiment() {
		this.reporter.reset();
	}

	@Test
	void paymentsBreakerOpensAndTheFallbackServes() {
		for (int i = 0; i < 10; i++) {
			this.payments.charge("order-" + i);
		}
		ResilienceReport report = this.reporter.report();
		assertThat(report.circuitBreaker("payments").verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.circuitBreaker("payments").notPermittedCalls()).isEqualTo(5);
		assertThat(report.fallback("PaymentService.charge").invocations()).isEqualTo(10);
		assertThat(report.unprotected()).isEmpty();
		assertThat(report.injections().byAssault()).containsEntry("payments-down", 5L);
	}

}
