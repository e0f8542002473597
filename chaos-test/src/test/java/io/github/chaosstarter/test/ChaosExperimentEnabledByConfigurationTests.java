package io.github.chaosstarter.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.test.fixtures.PaymentService;
import io.github.chaosstarter.test.fixtures.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the application's configuration switches chaos on, every test starts with chaos
 * on and the configured assaults, whatever the test before did.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { "chaos.enabled=true", "chaos.assaults.payments-down.target.beans=paymentService",
				"chaos.assaults.payments-down.exception.message=down", EngineFixtures.MINIMUM_CALLS,
				EngineFixtures.WINDOW_SIZE })
@ChaosExperiment
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosExperimentEnabledByConfigurationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentService paymentService;

	@Test
	@Order(1)
	void aTestSwitchesChaosOffAndRemovesTheConfiguredAssault() {
		assertThat(this.paymentService.charge("order-1")).isEqualTo("queued order-1");
		this.chaos.remove("payments-down");
		this.chaos.disable();
		assertThat(this.paymentService.charge("order-2")).isEqualTo("charged order-2");
	}

	@Test
	@Order(2)
	void theNextTestStartsWithChaosOnAsConfiguredAndAnEmptyReport() {
		Chaos.State state = this.chaos.state();
		assertThat(state.enabled()).isTrue();
		assertThat(state.assaults()).containsKeys("payments-down", "stock-slow");
		assertThat(this.chaos.report().injections().total()).isZero();
		assertThat(this.paymentService.charge("order-3")).isEqualTo("queued order-3");
		assertThat(this.chaos.report().injections().byAssault()).containsEntry("payments-down", 1L);
	}

}
