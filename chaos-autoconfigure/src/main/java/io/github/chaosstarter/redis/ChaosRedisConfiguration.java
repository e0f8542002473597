package io.github.chaosstarter.redis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Configuration, imported by
 * {@link io.github.chaosstarter.ChaosDependencyAutoConfiguration}, for {@code redis}
 * targets: every Spring Data Redis {@code RedisConnectionFactory} bean is decorated so
 * that assaults reach the commands the application sends, beneath {@code RedisTemplate},
 * Spring's Redis cache and repositories.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
final class ChaosRedisConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosRedisPostProcessor chaosRedisPostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosRedisPostProcessor(engine);
	}

}
