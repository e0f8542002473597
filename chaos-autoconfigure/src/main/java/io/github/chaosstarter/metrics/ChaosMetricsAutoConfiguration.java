package io.github.chaosstarter.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Chaos Starter's Micrometer meters. The meters are a
 * {@code MeterBinder}, so Spring Boot binds them to its registry on Boot 3 and Boot 4
 * alike; without Micrometer nothing is configured and nothing breaks.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosMetricsAutoConfiguration {

	@Bean
	ChaosMetrics chaosMetrics(ChaosEngine chaosEngine) {
		return new ChaosMetrics(chaosEngine);
	}

}
