package io.github.chaosstarter.kafka;

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
 * Auto-configuration} for {@code kafka} targets: every Spring Kafka
 * {@code ProducerFactory} bean is decorated so that assaults reach the records the
 * application sends through {@code KafkaTemplate}, and every listener container factory
 * and listener container bean gets a record interceptor so that assaults reach the
 * records its record listeners receive.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.kafka.core.ProducerFactory")
public final class ChaosKafkaAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosKafkaPostProcessor chaosKafkaPostProcessor(ObjectProvider<ChaosEngine> engine) {
		return new ChaosKafkaPostProcessor(engine);
	}

}
