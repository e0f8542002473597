package io.github.chaosstarter.rabbit;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;

import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.config.AbstractRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ReflectionUtils;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.DependencyChaos;

/**
 * Adds, after their initialization, a {@link ChaosRabbitPublishing} post-processor to
 * every {@link RabbitTemplate} bean (after the application's own), and a
 * {@link ChaosRabbitReceiving} advice to every listener container factory and listener
 * container bean, innermost: after the advice chain the application configured (Boot's
 * retry interceptor included), so that each attempt meets the fault as a listener's own
 * failure would. The chain is read from its field, which neither class exposes publicly;
 * without that field no advice is added.
 *
 * @author Chaos Starter team
 */
final class ChaosRabbitPostProcessor implements BeanPostProcessor {

	private final DependencyChaos chaos;

	ChaosRabbitPostProcessor(ObjectProvider<ChaosEngine> engine) {
		this.chaos = new DependencyChaos(engine);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (beanName.startsWith("scopedTarget.")) {
			return bean;
		}
		if (bean instanceof RabbitTemplate template && !decorated(template)) {
			template.addBeforePublishPostProcessors(new ChaosRabbitPublishing(this.chaos));
		}
		if (bean instanceof AbstractRabbitListenerContainerFactory<?> factory) {
			Advice[] chain = chain(AbstractRabbitListenerContainerFactory.class, factory);
			if (chain != null) {
				factory.setAdviceChain(chain);
			}
		}
		else if (bean instanceof AbstractMessageListenerContainer container) {
			Advice[] chain = chain(AbstractMessageListenerContainer.class, container);
			if (chain != null) {
				container.setAdviceChain(chain);
			}
		}
		return bean;
	}

	private static boolean decorated(RabbitTemplate template) {
		Collection<MessagePostProcessor> processors = template.getBeforePublishPostProcessors();
		return processors != null && processors.stream().anyMatch(ChaosRabbitPublishing.class::isInstance);
	}

	private Advice @Nullable [] chain(Class<?> type, Object owner) {
		Field field = ReflectionUtils.findField(type, "adviceChain");
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		Advice[] existing = (Advice[]) ReflectionUtils.getField(field, owner);
		existing = (existing != null) ? existing : new Advice[0];
		if (Arrays.stream(existing).anyMatch(ChaosRabbitReceiving.class::isInstance)) {
			return null;
		}
		Advice[] chain = Arrays.copyOf(existing, existing.length + 1);
		chain[existing.length] = new ChaosRabbitReceiving(this.chaos);
		return chain;
	}

}
