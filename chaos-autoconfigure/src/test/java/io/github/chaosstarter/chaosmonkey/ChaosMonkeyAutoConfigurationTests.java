package io.github.chaosstarter.chaosmonkey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosMonkeyAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChaosMonkeyAutoConfigurationTests {

	private static final String WARNING = "The chaosmonkey endpoint is exposed over HTTP and Spring Security is not";

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

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosEndpointAutoConfiguration.class,
				ChaosMonkeyAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=chaosmonkey");

	@Test
	void warnsOnceWhenWritableOverHttpWithoutSpringSecurity(CapturedOutput output) {
		this.webContextRunner
			.withPropertyValues("chaos.chaos-monkey-api.enabled=true",
					"management.endpoint.chaosmonkey.access=UNRESTRICTED")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChaosEndpointAutoConfiguration.UnsecuredChaosEndpointWarning.class);
				assertThat(output.getOut().split(WARNING, -1)).hasSize(2);
			});
	}

	@Test
	void noWarningWhenReadOnly(CapturedOutput output) {
		this.webContextRunner.withPropertyValues("chaos.chaos-monkey-api.enabled=true")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

}
