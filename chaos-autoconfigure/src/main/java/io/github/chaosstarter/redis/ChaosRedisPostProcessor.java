package io.github.chaosstarter.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Decorates every {@link RedisConnectionFactory} bean, after its initialization, with a
 * JDK proxy over all the interfaces of the factory (lifecycle included): the connections
 * it hands out while a redis assault is active ask the engine on each command.
 * Scoped-proxy targets are left alone (their proxy is decorated).
 *
 * @author Chaos Starter team
 */
final class ChaosRedisPostProcessor implements BeanPostProcessor {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			ChaosRedisPostProcessor.class.getClassLoader());

	private final ObjectProvider<ChaosEngine> engine;

	ChaosRedisPostProcessor(ObjectProvider<ChaosEngine> engine) {
		this.engine = engine;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RedisConnectionFactory factory && !(bean instanceof ChaosRedisFactory)
				&& !beanName.startsWith("scopedTarget.")) {
			ProxyFactory proxy = new ProxyFactory(bean);
			proxy.setInterfaces(ClassUtils.getAllInterfaces(bean));
			proxy.addInterface(ChaosRedisFactory.class);
			proxy.addAdvice(new ChaosRedisFactoryInterceptor(beanName, this.engine, commandTimeout(factory)));
			return proxy.getProxy(ClassUtils.getDefaultClassLoader());
		}
		return bean;
	}

	/**
	 * Return how long the client waits for a command's answer, as Lettuce is configured,
	 * or {@code null} when unknown.
	 */
	private static @Nullable Duration commandTimeout(RedisConnectionFactory factory) {
		if (LETTUCE_PRESENT) {
			return Lettuce.commandTimeout(factory);
		}
		return null;
	}

	/**
	 * Marks a decorated factory.
	 */
	interface ChaosRedisFactory {

	}

	private static final class Lettuce {

		static @Nullable Duration commandTimeout(RedisConnectionFactory factory) {
			return (factory instanceof LettuceConnectionFactory lettuce)
					? lettuce.getClientConfiguration().getCommandTimeout() : null;
		}

	}

}
