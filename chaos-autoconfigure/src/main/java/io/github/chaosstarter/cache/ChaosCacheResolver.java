package io.github.chaosstarter.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;

import io.github.chaosstarter.engine.DependencyChaos;

/**
 * Resolves a cached method's caches as the application's resolver does and, only while a
 * cache assault is active, hands them out as {@link ChaosCache}s. While chaos is off it
 * returns the resolved caches themselves: one volatile read, no allocation.
 *
 * @author Chaos Starter team
 */
final class ChaosCacheResolver implements CacheResolver {

	private final CacheResolver delegate;

	private final DependencyChaos chaos;

	ChaosCacheResolver(CacheResolver delegate, DependencyChaos chaos) {
		this.delegate = delegate;
		this.chaos = chaos;
	}

	@Override
	public Collection<? extends Cache> resolveCaches(CacheOperationInvocationContext<?> context) {
		Collection<? extends Cache> caches = this.delegate.resolveCaches(context);
		if (!this.chaos.cacheActive()) {
			return caches;
		}
		List<Cache> decorated = new ArrayList<>(caches.size());
		for (Cache cache : caches) {
			decorated.add(new ChaosCache(cache, this.chaos));
		}
		return decorated;
	}

	/**
	 * Return the application's resolver.
	 * @return the resolver this one decorates
	 */
	CacheResolver delegate() {
		return this.delegate;
	}

}
