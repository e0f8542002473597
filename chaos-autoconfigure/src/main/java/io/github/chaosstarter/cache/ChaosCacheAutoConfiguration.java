package io.github.chaosstarter.cache;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@code cache} targets: the cache resolver and the error handler
 * of every caching aspect ({@code @Cacheable}, {@code @CachePut}, {@code @CacheEvict})
 * are decorated once the context is refreshed. The {@code CacheManager} beans stay as
 * they are, so Boot's cache metrics and the {@code caches} endpoint see the real caches.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnBean(ChaosEngine.class)
@ConditionalOnClass(name = "org.springframework.cache.interceptor.CacheAspectSupport")
public final class ChaosCacheAutoConfiguration {

	@Bean
	ChaosCacheInstaller chaosCacheInstaller(ObjectProvider<ChaosEngine> engine, ListableBeanFactory beanFactory) {
		return new ChaosCacheInstaller(engine, beanFactory);
	}

}
