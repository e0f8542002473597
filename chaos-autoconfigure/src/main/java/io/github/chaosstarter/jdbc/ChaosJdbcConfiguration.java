package io.github.chaosstarter.jdbc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Configuration, imported by
 * {@link io.github.chaosstarter.ChaosDependencyAutoConfiguration}, for {@code jdbc}
 * targets: every {@code DataSource} bean is decorated so that assaults reach the
 * application's database where it really fails — obtaining a connection, executing a
 * statement — beneath Spring's exception translation, the transaction manager and the
 * pool's own timeouts.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ChaosEngine.class)
final class ChaosJdbcConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosDataSourcePostProcessor chaosDataSourcePostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosDataSourcePostProcessor(engine);
	}

	@Bean
	PoolExhauster chaosPoolExhauster(ObjectProvider<ChaosEngine> engine,
			ChaosDataSourcePostProcessor chaosDataSourcePostProcessor) {
		return new PoolExhauster(engine, chaosDataSourcePostProcessor::decorated);
	}

}
