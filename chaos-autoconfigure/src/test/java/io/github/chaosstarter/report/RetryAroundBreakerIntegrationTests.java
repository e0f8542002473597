package io.github.chaosstarter.report;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.OrderService;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A retry that wraps its circuit breaker (Resilience4j's default aspect order) is
 * reported on both, with the aspect orders that cause it, and the counts show why: every
 * retry attempt is a breaker failure.
 */
@SpringBootTest(classes = ReportShopApplication.class,
		properties = { "resilience4j.retry.instances.orders.max-attempts=3",
				"resilience4j.retry.instances.orders.enable-exponential-backoff=true",
				"resilience4j.retry.instances.orders.wait-duration=5ms",
				"resilience4j.circuitbreaker.instances.orders.minimum-number-of-calls=20" })
class RetryAroundBreakerIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	ChaosEngine engine;

	@Autowired
	Chaos.Reports reporter;

	@Autowired
	OrderService orders;

	@Test
	void retryWrappingBreakerIsAWarningOnBoth() {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.getTarget().getMethods().add("place");
		assault.setException(new ChaosProperties.ExceptionEffect());
		this.engine.put("orders-down", assault, "test", "attack");
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.orders.place("o1"));
		ResilienceReport report = this.reporter.report();
		String warning = "retry `orders` wraps circuit breaker `orders` on the inside"
				+ " (resilience4j.retry.retryAspectOrder=2147483642"
				+ " < resilience4j.circuitbreaker.circuitBreakerAspectOrder=2147483643):"
				+ " each retry counts as a circuit breaker failure";
		assertThat(report.retry("orders").warnings()).containsExactly(warning);
		assertThat(report.circuitBreaker("orders").warnings()).containsExactly(warning);
		assertThat(report.circuitBreaker("orders").injectedFailures()).isEqualTo(3);
		assertThat(report.retry("orders").retryAttempts()).isEqualTo(2);
	}

}
