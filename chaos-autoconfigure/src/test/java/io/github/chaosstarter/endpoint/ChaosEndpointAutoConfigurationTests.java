package io.github.chaosstarter.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.control.ChaosControlAutoConfiguration;
import io.github.chaosstarter.control.ChaosUpdater;
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
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosControlAutoConfiguration.class,
				ChaosEndpointAutoConfiguration.class));

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=chaos")
			.run((context) -> assertThat(context).hasSingleBean(ChaosEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChaosEndpoint.class)
			.hasSingleBean(Chaos.class)
			.hasSingleBean(ChaosUpdater.class)
			.hasSingleBean(ChaosAuditLog.class));
	}

	@Test
	void javaApiAndAuditLogWorkWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosEndpoint.class)
				.hasSingleBean(Chaos.class)
				.hasSingleBean(ChaosAuditLog.class));
	}

	@Test
	void warningIsLoggedOnceWhenExposedOverHttpWithoutSpringSecurity(CapturedOutput output) {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=chaos").run((context) -> {
			assertThat(context).hasSingleBean(UnsecuredChaosEndpointWarning.class);
			assertThat(output.getOut().split(WARNING, -1)).hasSize(2);
		});
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
				.withMessageContaining("no ResilienceReporter bean"));
	}

	@Test
	void userAuditLogWins() {
		this.contextRunner.withBean("customAuditLog", ChaosAuditLog.class, () -> new ChaosAuditLog(5))
			.run((context) -> assertThat(context).hasSingleBean(ChaosAuditLog.class).hasBean("customAuditLog"));
	}

}
