package io.github.chaosstarter.kill;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.KillHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the handler that stops the application for kill assaults (which
 * are refused unless {@code chaos.allow-kill=true}).
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnBean(ChaosStateHolder.class)
public final class ChaosKillAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(KillHandler.class)
	ChaosKillHandler chaosKillHandler(ApplicationContext applicationContext) {
		return new ChaosKillHandler(applicationContext);
	}

}
