package io.github.chaosstarter.report;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosReportAutoConfiguration}.
 */
class ChaosReportAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosReportAutoConfiguration.class));

	@Test
	void reporterListensToInjectionsAndChanges() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Chaos.Reports.class)
				.hasSingleBean(Resilience4jObserver.class)
				.hasSingleBean(ReportMetrics.class);
			assertThat(context.getBean(Chaos.Reports.class).report().injections().total()).isZero();
			assertThat(context.getBean(ChaosEngine.class)).isNotNull();
		});
	}

	@Test
	void withoutResilience4jTheReporterStillRecordsInjections() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.github.resilience4j")).run((context) -> {
			assertThat(context).hasSingleBean(Chaos.Reports.class)
				.doesNotHaveBean(Resilience4jObserver.class)
				.doesNotHaveBean(FallbackObservingPostProcessor.class);
			assertThat(context.getBean(Chaos.Reports.class).report().circuitBreakers()).isEmpty();
		});
	}

	@Test
	void withoutMicrometerThereIsNoGauge() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasSingleBean(Chaos.Reports.class)
				.doesNotHaveBean(ReportMetrics.class));
	}

	@Test
	void userReporterWins() {
		Chaos.Reports own = new Chaos.Reports() {

			@Override
			public ResilienceReport report() {
				return ResilienceReport.empty(Instant.EPOCH);
			}

			@Override
			public void reset() {
			}

		};
		this.contextRunner.withBean(Chaos.Reports.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(Chaos.Reports.class).doesNotHaveBean(ResilienceRecorder.class);
			assertThat(context.getBean(Chaos.Reports.class)).isSameAs(own);
		});
	}

	@Test
	void gaugeCountsVerdicts() {
		this.contextRunner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(ReportMetrics.class).bindTo(registry);
			assertThat(registry.get("chaos.report.verdicts").tag("verdict", "REACTED").gauge().value()).isZero();
			assertThat(registry.find("chaos.report.verdicts").gauges()).hasSize(3);
		});
	}

}
