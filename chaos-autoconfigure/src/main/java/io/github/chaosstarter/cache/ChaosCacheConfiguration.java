package io.github.chaosstarter.cache;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Configuration, imported by
 * {@link io.github.chaosstarter.ChaosDependencyAutoConfiguration}, for {@code cache}
 * targets: the cache resolver and the error handler of every caching aspect
 * ({@code @Cacheable}, {@code @CachePut}, {@code @CacheEvict}) are decorated once the
 * context is refreshed. The {@code CacheManager} beans stay as they are, so Boot's cache
 * metrics and the {@code caches} endpoint see the real caches.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.cache.interceptor.CacheAspectSupport")
final class ChaosCacheConfiguration {

	@Bean
	ChaosCacheInstaller chaosCacheInstaller(ObjectProvider<ChaosEngine> engine, ListableBeanFactory beanFactory) {
		return new ChaosCacheInstaller(engine, beanFactory);
	}

}
