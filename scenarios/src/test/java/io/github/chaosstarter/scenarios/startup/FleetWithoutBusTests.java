package io.github.chaosstarter.scenarios.startup;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.endpoint.ChaosEndpoint;
import io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chaos.fleet.enabled=true} without Spring Cloud Bus on the class path (as in
 * both modules that run these scenarios) fails startup naming the property instead of
 * doing nothing. The fleet itself is tested
 * in the fleet-tests module, where the bus runs.
 */
class FleetWithoutBusTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=chaos");

	@Test
	void fleetWithoutSpringCloudBusFailsStartupNamingTheProperty() {
		assertThat(ClassUtils.isPresent("org.springframework.cloud.bus.ServiceMatcher", null)).isFalse();
		this.contextRunner.withPropertyValues("chaos.fleet.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidChaosPropertyException.class)
				.hasMessageContaining("chaos.fleet.enabled")
				.hasMessageContaining("needs Spring Cloud Bus");
		});
	}

	@Test
	void withoutFleetTheEndpointStartsAsBefore() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChaosEndpoint.class));
	}

}
