package io.github.chaosstarter.rabbit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@code rabbit} targets: every {@code RabbitTemplate} bean gets
 * a before-publish post-processor so that assaults reach the messages the application
 * sends, and every Rabbit listener container factory and listener container bean an
 * advice so that assaults reach the messages its listeners receive.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
public final class ChaosRabbitAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosRabbitPostProcessor chaosRabbitPostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosRabbitPostProcessor(engine);
	}

}
