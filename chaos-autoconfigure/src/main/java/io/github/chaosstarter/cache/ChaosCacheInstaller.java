package io.github.chaosstarter.cache;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.SimpleCacheResolver;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Decorates the cache resolver and the error handler of every {@link CacheAspectSupport}
 * bean once all singletons exist. A caching aspect with no resolver yet gets the one
 * Spring would give it: a {@link SimpleCacheResolver} on the unique {@link CacheManager}.
 * Without a unique one, the aspect is left alone and Spring reports the problem as it
 * would without the starter.
 *
 * @author Chaos Starter team
 */
final class ChaosCacheInstaller implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ChaosCacheInstaller.class);

	private final ObjectProvider<ChaosEngine> engine;

	private final ListableBeanFactory beanFactory;

	ChaosCacheInstaller(ObjectProvider<ChaosEngine> engine, ListableBeanFactory beanFactory) {
		this.engine = engine;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ChaosEngine engine = this.engine.getIfAvailable();
		if (engine == null) {
			return;
		}
		DependencyChaos chaos = new DependencyChaos(engine);
		this.beanFactory.getBeansOfType(CacheAspectSupport.class, false, false)
			.forEach((name, aspect) -> install(name, aspect, chaos));
	}

	private void install(String name, CacheAspectSupport aspect, DependencyChaos chaos) {
		CacheResolver resolver = aspect.getCacheResolver();
		if (resolver instanceof ChaosCacheResolver) {
			return;
		}
		if (resolver == null) {
			CacheManager cacheManager = this.beanFactory.getBeanProvider(CacheManager.class).getIfUnique();
			if (cacheManager == null) {
				logger.info("Chaos cache assaults do not reach caching aspect '" + name
						+ "': it has no cache resolver and there is no unique CacheManager");
				return;
			}
			resolver = new SimpleCacheResolver(cacheManager);
		}
		aspect.setCacheResolver(new ChaosCacheResolver(resolver, chaos));
		aspect.setErrorHandler(new ChaosCacheErrorHandler(aspect.getErrorHandler()));
	}

}
