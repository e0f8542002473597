package io.github.chaosstarter.cache;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.engine.RequestLedger;

/**
 * The application's {@link CacheErrorHandler}, observed: when it returns for an injected
 * failure (a logging handler does; Spring's default rethrows), the cache was degradable
 * for the request being served, and the report says so.
 *
 * @author Chaos Starter team
 */
final class ChaosCacheErrorHandler implements CacheErrorHandler {

	private final CacheErrorHandler delegate;

	ChaosCacheErrorHandler(CacheErrorHandler delegate) {
		this.delegate = delegate;
	}

	@Override
	public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
		this.delegate.handleCacheGetError(exception, cache, key);
		handled(exception);
	}

	@Override
	public void handleCachePutError(RuntimeException exception, Cache cache, Object key, @Nullable Object value) {
		this.delegate.handleCachePutError(exception, cache, key, value);
		handled(exception);
	}

	@Override
	public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
		this.delegate.handleCacheEvictError(exception, cache, key);
		handled(exception);
	}

	@Override
	public void handleCacheClearError(RuntimeException exception, Cache cache) {
		this.delegate.handleCacheClearError(exception, cache);
		handled(exception);
	}

	private static void handled(RuntimeException exception) {
		RequestLedger ledger = RequestLedger.current();
		if (ledger != null && InjectedFaults.isMarked(exception)) {
			ledger.lastCallHandled();
		}
	}

	/**
	 * Return the application's handler.
	 * @return the handler this one observes
	 */
	CacheErrorHandler delegate() {
		return this.delegate;
	}

}
