package io.github.chaosstarter.redis;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.DependencyChaos;

/**
 * Around {@code getConnection()} and {@code getClusterConnection()} of a decorated
 * factory: while a redis assault is active, the connection is handed out behind a
 * {@link ChaosRedisCommands} proxy; otherwise it is the factory's own, after one volatile
 * read.
 *
 * @author Chaos Starter team
 */
final class ChaosRedisFactoryInterceptor implements MethodInterceptor {

	private final String beanName;

	private final ObjectProvider<ChaosEngine> engine;

	private final @Nullable Duration commandTimeout;

	private volatile @Nullable DependencyChaos chaos;

	ChaosRedisFactoryInterceptor(String beanName, ObjectProvider<ChaosEngine> engine,
			@Nullable Duration commandTimeout) {
		this.beanName = beanName;
		this.engine = engine;
		this.commandTimeout = commandTimeout;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object result = invocation.proceed();
		String name = invocation.getMethod().getName();
		if (result == null || invocation.getMethod().getParameterCount() != 0
				|| !(name.equals("getConnection") || name.equals("getClusterConnection"))) {
			return result;
		}
		DependencyChaos chaos = chaos();
		if (chaos == null || !chaos.redisActive()) {
			return result;
		}
		return Proxy.newProxyInstance(result.getClass().getClassLoader(), ClassUtils.getAllInterfaces(result),
				new ChaosRedisCommands(result, this.beanName, chaos, this.commandTimeout));
	}

	private @Nullable DependencyChaos chaos() {
		DependencyChaos chaos = this.chaos;
		if (chaos == null) {
			ChaosEngine engine = this.engine.getIfAvailable();
			if (engine != null) {
				chaos = new DependencyChaos(engine);
				this.chaos = chaos;
			}
		}
		return chaos;
	}

}
