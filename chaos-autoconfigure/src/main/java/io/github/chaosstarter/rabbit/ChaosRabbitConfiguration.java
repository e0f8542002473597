package io.github.chaosstarter.rabbit;

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
 * {@link io.github.chaosstarter.ChaosDependencyAutoConfiguration}, for {@code rabbit}
 * targets: every {@code RabbitTemplate} bean gets a before-publish post-processor so that
 * assaults reach the messages the application sends, and every Rabbit listener container
 * factory and listener container bean an advice so that assaults reach the messages its
 * listeners receive.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
final class ChaosRabbitConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosRabbitPostProcessor chaosRabbitPostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosRabbitPostProcessor(engine);
	}

}
