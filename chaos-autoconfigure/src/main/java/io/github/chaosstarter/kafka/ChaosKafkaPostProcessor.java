package io.github.chaosstarter.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.TargetClassAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.DependencyChaos;

/**
 * Decorates, after their initialization, every {@link ProducerFactory} bean with a JDK
 * proxy over all the interfaces of the factory (lifecycle and context listener included),
 * and adds a {@link ChaosRecordInterceptor} to every listener container factory and
 * listener container bean, after the interceptor the application configured (read from
 * its field: Spring Kafka 3.3 has no getter; without that field none is added).
 * Scoped-proxy targets are left alone (their proxy is decorated).
 *
 * @author Chaos Starter team
 */
final class ChaosKafkaPostProcessor implements BeanPostProcessor {

	private final DependencyChaos chaos;

	ChaosKafkaPostProcessor(ObjectProvider<ChaosEngine> engine) {
		this.chaos = new DependencyChaos(engine);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (beanName.startsWith("scopedTarget.")) {
			return bean;
		}
		if (bean instanceof ProducerFactory<?, ?> factory && !(bean instanceof ChaosProducerFactory)) {
			Set<Class<?>> interfaces = new LinkedHashSet<>(Arrays.asList(ClassUtils.getAllInterfaces(bean)));
			interfaces.add(TargetClassAware.class);
			interfaces.add(ChaosProducerFactory.class);
			Map<String, Object> config = factory.getConfigurationProperties();
			ChaosProducerFactoryHandler handler = new ChaosProducerFactoryHandler(bean, this.chaos,
					millis(config.get("max.block.ms"), Duration.ofSeconds(60)),
					millis(config.get("delivery.timeout.ms"), Duration.ofSeconds(120)));
			return Proxy.newProxyInstance(bean.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
					handler);
		}
		if (bean instanceof AbstractKafkaListenerContainerFactory factory) {
			Field field = ReflectionUtils.findField(AbstractKafkaListenerContainerFactory.class, "recordInterceptor");
			if (field != null) {
				factory.setRecordInterceptor(intercepting(field, factory));
			}
		}
		else if (bean instanceof AbstractMessageListenerContainer container) {
			Field field = ReflectionUtils.findField(AbstractMessageListenerContainer.class, "recordInterceptor");
			if (field != null) {
				container.setRecordInterceptor(intercepting(field, container));
			}
		}
		return bean;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private RecordInterceptor<Object, Object> intercepting(Field field, Object owner) {
		// read as a field: Spring Kafka 3.3 has no public getter for it
		ReflectionUtils.makeAccessible(field);
		Object existing = ReflectionUtils.getField(field, owner);
		if (existing instanceof ChaosRecordInterceptor installed) {
			return installed;
		}
		ChaosRecordInterceptor ours = new ChaosRecordInterceptor(this.chaos);
		// the application's interceptor sees the record first, as it would a real failure
		return (existing instanceof RecordInterceptor interceptor) ? new CompositeRecordInterceptor(interceptor, ours)
				: ours;
	}

	/**
	 * Read a producer timeout as Kafka does: milliseconds as a number or a string.
	 */
	static Duration millis(@Nullable Object value, Duration fallback) {
		if (value instanceof Number number) {
			return Duration.ofMillis(number.longValue());
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return Duration.ofMillis(Long.parseLong(text.trim()));
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}
		if (value instanceof Duration duration) {
			return duration;
		}
		return fallback;
	}

	/**
	 * Marks a decorated producer factory.
	 */
	interface ChaosProducerFactory {

	}

}
