package io.github.chaosstarter.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The starter's auto-configurations, compiled against Spring Boot 4, load on Spring Boot
 * 3.5 ({@code AutoConfigurations} is in {@code org.springframework.boot.autoconfigure} on
 * both lines).
 */
@ExtendWith(OutputCaptureExtension.class)
class ChaosAutoConfigurationOnBoot3Tests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ChaosAutoConfiguration.class,
				ChaosMetricsAutoConfiguration.class));

	@Test
	void autoConfigurationLoads() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ChaosEngine.class)
			.hasSingleBean(Chaos.class)
			.hasBean("chaosAdvisingPostProcessor")
			.hasBean("chaosMetrics"));
	}

	@Test
	void chaosIsOffUnlessEnabled() {
		this.contextRunner
			.withPropertyValues("chaos.assaults.down.target.methods=charge",
					"chaos.assaults.down.exception.message=injected")
			.run((context) -> assertThat(context.getBean(Chaos.class).state().enabled()).isFalse());
	}

	@Test
	void invalidProbabilityFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("chaos.assaults.flaky.exception.message=boom", "chaos.assaults.flaky.probability=1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidChaosPropertyException.class)
				.hasMessageContaining("chaos.assaults.flaky.probability"));
	}

	@Test
	void invalidPropertyIsReportedByTheFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Boot3ShopApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(
				() -> application.run("--chaos.assaults.slow.latency.min=2s", "--chaos.assaults.slow.latency.max=1s"))
			.havingRootCause()
			.isInstanceOf(InvalidChaosPropertyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: chaos.assaults.slow.latency");
	}

}
