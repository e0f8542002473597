package io.github.chaosstarter.engine;

import org.jspecify.annotations.Nullable;

/**
 * The side of the {@link ChaosEngine} that the starter's cache decoration asks: once per
 * resolution of the caches of a cached method, and per cache operation while a cache
 * assault is active. The check per resolution costs one volatile read while chaos is off.
 *
 * @author Chaos Starter team
 */
public final class CacheChaos {

	private final ChaosRuntime runtime;

	CacheChaos(ChaosRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Return whether a cache assault may strike cache operations now.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean active() {
		return this.runtime.current().cacheAssaults().length > 0;
	}

	/**
	 * Decide for one operation on a cache.
	 * @param cache the cache's name
	 * @param operation {@code get}, {@code put} or {@code evict}
	 * @return the strike, or {@code null} when the operation proceeds untouched
	 */
	public @Nullable Strike strike(String cache, String operation) {
		ChaosState state = this.runtime.current();
		if (state.cacheAssaults().length == 0) {
			return null;
		}
		return Strike.decide(state, state.cacheAssaults(), new Sites.Cache(cache, operation));
	}

}
