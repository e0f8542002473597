package io.github.chaosstarter.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration.UnsecuredChaosEndpointWarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ChaosEndpointAutoConfiguration} and
 * {@link ChaosControlAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChaosEndpointAutoConfigurationTests {

	private static final String WARNING = "anyone who reaches the management port can inject faults";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosEndpointAutoConfiguration.class));

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=chaos")
			.run((context) -> assertThat(context).hasSingleBean(ChaosEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChaosEndpoint.class)
			.hasSingleBean(Chaos.class)
			.hasSingleBean(ChaosEngine.class));
	}

	@Test
	void javaApiWorksWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ChaosEndpoint.class).hasSingleBean(Chaos.class);
				assertThat(context.getBean(Chaos.class).enable().history()).last()
					.satisfies((change) -> assertThat(change.actor()).isEqualTo("api"));
			});
	}

	@Test
	void warningIsLoggedOnceWhenWritableOverHttpWithoutSpringSecurity(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=chaos",
					"management.endpoint.chaos.access=UNRESTRICTED")
			.run((context) -> {
				assertThat(context).hasSingleBean(UnsecuredChaosEndpointWarning.class);
				assertThat(output.getOut().split(WARNING, -1)).hasSize(2);
			});
	}

	@Test
	void noWarningWhenExposedReadOnly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=chaos")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	@Test
	void noWarningWhenNotExposedOverHttp(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(UnsecuredChaosEndpointWarning.class);
			assertThat(output).doesNotContain(WARNING);
		});
	}

	@Test
	void reportWithoutReporterFailsClearly() {
		this.contextRunner
			.run((context) -> assertThatIllegalStateException().isThrownBy(() -> context.getBean(Chaos.class).report())
				.withMessageContaining("No resilience report is available"));
	}

}
