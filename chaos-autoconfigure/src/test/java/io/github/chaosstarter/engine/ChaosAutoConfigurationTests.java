package io.github.chaosstarter.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosAutoConfiguration}'s package-private parts. What it registers,
 * when it backs off and how invalid properties fail startup are scenarios run on both
 * Spring Boot lines ({@code io.github.chaosstarter.scenarios.startup.ChaosStartupTests}).
 */
class ChaosAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosMetricsAutoConfiguration.class));

	@Test
	void registersAdviceAndRuntime() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ChaosEngine.class)
			.hasSingleBean(ChaosAdvisingPostProcessor.class)
			.hasSingleBean(ChaosStateHolder.class));
	}

	@Test
	void watchedKindsParseUserNames() {
		assertThat(SpecCompiler.watchedKinds(List.of("rest-controller", "Service"))).hasSize(2);
	}

}
