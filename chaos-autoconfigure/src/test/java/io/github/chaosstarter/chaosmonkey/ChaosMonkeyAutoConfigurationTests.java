package io.github.chaosstarter.chaosmonkey;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosMonkeyAutoConfiguration}.
 */
class ChaosMonkeyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosEndpointAutoConfiguration.class,
				ChaosMonkeyAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=chaosmonkey");

	@Test
	void backsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChaosMonkeyEndpoint.class)
			.doesNotHaveBean(ChaosMonkeyOperationInvokerAdvisor.class));
	}

	@Test
	void registersTheEndpointAndItsAdvisorWhenEnabled() {
		this.contextRunner.withPropertyValues("chaos.chaos-monkey-api.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ChaosMonkeyEndpoint.class)
				.hasSingleBean(ChaosMonkeyOperationInvokerAdvisor.class));
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed() {
		this.contextRunner
			.withPropertyValues("chaos.chaos-monkey-api.enabled=true",
					"management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosMonkeyEndpoint.class));
	}

}
