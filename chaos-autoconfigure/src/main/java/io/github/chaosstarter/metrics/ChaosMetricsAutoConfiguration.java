package io.github.chaosstarter.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.runtime.ChaosStateHolder;

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
@ConditionalOnBean(ChaosStateHolder.class)
public final class ChaosMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChaosMetrics chaosMetrics(ChaosStateHolder chaosStateHolder) {
		return new ChaosMetrics(chaosStateHolder);
	}

}
