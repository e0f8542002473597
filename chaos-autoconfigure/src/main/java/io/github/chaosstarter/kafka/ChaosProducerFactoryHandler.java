package io.github.chaosstarter.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.DependencyChaos;

/**
 * The methods of a decorated producer factory: each goes to the factory; a producer it
 * hands out while a kafka assault is active is wrapped in a {@link ChaosProducer},
 * otherwise it is the factory's own, after one volatile read. A plain JDK proxy rather
 * than Spring AOP, so that the call allocates nothing while chaos is off; it answers
 * {@code TargetClassAware.getTargetClass()} so that Spring resolves the factory's
 * {@code ApplicationListener} event type as for the factory itself.
 *
 * @author Chaos Starter team
 */
final class ChaosProducerFactoryHandler implements InvocationHandler {

	private final Object target;

	private final DependencyChaos chaos;

	private final Duration maxBlock;

	private final Duration deliveryTimeout;

	ChaosProducerFactoryHandler(Object target, DependencyChaos chaos, Duration maxBlock, Duration deliveryTimeout) {
		this.target = target;
		this.chaos = chaos;
		this.maxBlock = maxBlock;
		this.deliveryTimeout = deliveryTimeout;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return Reflective.objectMethod(proxy, method, args, this.target);
		}
		if (method.getName().equals("getTargetClass") && method.getParameterCount() == 0) {
			return this.target.getClass();
		}
		Object result = Reflective.call(this.target, method, args);
		if (!(result instanceof Producer<?, ?> producer)) {
			return result;
		}
		if (!this.chaos.kafkaActive()) {
			return result;
		}
		return Proxy.newProxyInstance(result.getClass().getClassLoader(), ClassUtils.getAllInterfaces(result),
				new ChaosProducer(producer, this.chaos, this.maxBlock, this.deliveryTimeout));
	}

}
