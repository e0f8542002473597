package io.github.chaosstarter.cache;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * One cache of a cached method, handed out while a cache assault is active: each
 * operation asks the engine first. Latency delays the operation; {@code unavailable} and
 * {@code exception} throw from it, so that Spring's caching aspect hands the failure to
 * the application's {@code CacheErrorHandler}; {@code miss} makes a get find nothing (a
 * get with a value loader runs the loader and stores its value, as on a real miss).
 *
 * @author Chaos Starter team
 */
final class ChaosCache implements Cache {

	private final Cache target;

	private final DependencyChaos chaos;

	ChaosCache(Cache target, DependencyChaos chaos) {
		this.target = target;
		this.chaos = chaos;
	}

	/**
	 * Return the decorated cache.
	 * @return the application's cache
	 */
	Cache target() {
		return this.target;
	}

	@Override
	public String getName() {
		return this.target.getName();
	}

	@Override
	public Object getNativeCache() {
		return this.target.getNativeCache();
	}

	@Override
	public @Nullable ValueWrapper get(Object key) {
		return misses("get") ? null : this.target.get(key);
	}

	@Override
	public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		return misses("get") ? null : this.target.get(key, type);
	}

	@Override
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		if (!misses("get")) {
			return this.target.get(key, valueLoader);
		}
		T value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		this.target.put(key, value);
		return value;
	}

	@Override
	public @Nullable CompletableFuture<?> retrieve(Object key) {
		return misses("get") ? null : this.target.retrieve(key);
	}

	@Override
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		if (!misses("get")) {
			return this.target.retrieve(key, valueLoader);
		}
		return valueLoader.get().thenApply((value) -> {
			this.target.put(key, value);
			return value;
		});
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		apply("put");
		this.target.put(key, value);
	}

	@Override
	public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		apply("put");
		return this.target.putIfAbsent(key, value);
	}

	@Override
	public void evict(Object key) {
		apply("evict");
		this.target.evict(key);
	}

	@Override
	public boolean evictIfPresent(Object key) {
		apply("evict");
		return this.target.evictIfPresent(key);
	}

	@Override
	public void clear() {
		apply("evict");
		this.target.clear();
	}

	@Override
	public boolean invalidate() {
		apply("evict");
		return this.target.invalidate();
	}

	private boolean misses(String operation) {
		Strike strike = apply(operation);
		return strike != null && strike.misses();
	}

	/**
	 * Apply the strike for one operation: wait out its latency, throw its failure.
	 * @return the strike, for a miss to be seen, or {@code null}
	 */
	private @Nullable Strike apply(String operation) {
		Strike strike = this.chaos.strikeCache(this.target.getName(), operation);
		if (strike == null) {
			return null;
		}
		strike.waitAndThrow();
		return strike;
	}

	@Override
	public String toString() {
		return "ChaosCache[" + this.target + "]";
	}

}
