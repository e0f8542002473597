package io.github.chaosstarter.report;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.fixtures.cloud.CloudCircuitBreakerApplication;
import io.github.chaosstarter.fixtures.cloud.CloudCircuitBreakerApplication.StockService;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit breaker created by Spring Cloud CircuitBreaker's Resilience4j factory is
 * observed like an annotated one: it shares the application's registry.
 */
@SpringBootTest(classes = CloudCircuitBreakerApplication.class,
		properties = { "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4" })
class SpringCloudCircuitBreakerReportTests {

	@Autowired
	Chaos chaos;

	@Autowired
	StockService stock;

	@Test
	void springCloudCircuitBreakerThatOpensOnInjectedFailuresReacted() {
		this.chaos.assault("inventory-down")
			.target((target) -> target.methods("stock").classes("**.CloudCircuitBreakerApplication$InventoryGateway"))
			.exception(IllegalStateException.class, "inventory down")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 6; i++) {
			assertThat(this.stock.stock("sku")).isEqualTo(-1);
		}
		assertThat(this.stock.fallbacks()).isEqualTo(6);
		CircuitBreakerReport breaker = this.chaos.report().circuitBreaker("cloud-inventory");
		assertThat(breaker).isNotNull();
		assertThat(breaker.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(breaker.injectedFailures()).isEqualTo(4);
		assertThat(breaker.notPermittedCalls()).isEqualTo(2);
		assertThat(breaker.transitions()).first().satisfies((transition) -> {
			assertThat(transition.to()).isEqualTo("OPEN");
			assertThat(transition.afterInjections()).isEqualTo(4);
		});
	}

}
