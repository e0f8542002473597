package io.github.chaosstarter.control;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.report.ResilienceReporter;
import io.github.chaosstarter.runtime.ChaosRuntime;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for runtime control: the {@link ChaosUpdater} that the endpoint and
 * the {@link Chaos} API share, the {@link Chaos} API and the {@link ChaosAuditLog}.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnBean(ChaosRuntime.class)
public final class ChaosControlAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChaosAuditLog chaosAuditLog() {
		// a change listener: must not depend on the runtime, which collects listeners
		return new ChaosAuditLog();
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosUpdater chaosUpdater(ChaosRuntime chaosRuntime) {
		return new ChaosUpdater(chaosRuntime);
	}

	@Bean
	@ConditionalOnMissingBean
	Chaos chaos(ChaosUpdater chaosUpdater, ObjectProvider<ResilienceReporter> resilienceReporter) {
		return new Chaos(chaosUpdater, resilienceReporter);
	}

}
