package io.github.chaosstarter.kafka;

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
 * {@link io.github.chaosstarter.ChaosDependencyAutoConfiguration}, for {@code kafka}
 * targets: every Spring Kafka {@code ProducerFactory} bean is decorated so that assaults
 * reach the records the application sends through {@code KafkaTemplate}, and every
 * listener container factory and listener container bean gets a record interceptor so
 * that assaults reach the records its record listeners receive.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.kafka.core.ProducerFactory")
final class ChaosKafkaConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosKafkaPostProcessor chaosKafkaPostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosKafkaPostProcessor(engine);
	}

}
