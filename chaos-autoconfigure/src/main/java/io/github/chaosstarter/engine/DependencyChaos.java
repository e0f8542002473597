package io.github.chaosstarter.engine;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The side of the {@link ChaosEngine} that the starter's cache, Redis, Kafka and RabbitMQ
 * decorations ask: whether an assault on their kind of dependency is active (one volatile
 * read, the one check made while chaos is off), and, while one is, what to do to each
 * operation. Data sources have theirs in {@link JdbcChaos}.
 *
 * @author Chaos Starter team
 */
public final class DependencyChaos {

	private static final Assault[] NONE = {};

	private final @Nullable ObjectProvider<ChaosEngine> engine;

	private volatile @Nullable ChaosRuntime runtime;

	/**
	 * Create the view of an engine that the decorated caches and Redis connection
	 * factories ask.
	 * @param engine the engine
	 */
	public DependencyChaos(ChaosEngine engine) {
		this.engine = null;
		this.runtime = engine.runtime;
	}

	/**
	 * Create the view of an engine found on first use, for decorations of beans that are
	 * created before the engine may be: until it is, nothing is active.
	 * @param engine provides the engine
	 */
	public DependencyChaos(ObjectProvider<ChaosEngine> engine) {
		this.engine = engine;
	}

	private @Nullable ChaosState state() {
		ChaosRuntime runtime = this.runtime;
		if (runtime == null) {
			ChaosEngine engine = (this.engine != null) ? this.engine.getIfAvailable() : null;
			if (engine == null) {
				return null;
			}
			runtime = engine.runtime;
			this.runtime = runtime;
		}
		return runtime.current();
	}

	/**
	 * Return whether a cache assault may strike cache operations now.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean cacheActive() {
		ChaosState state = state();
		return state != null && state.cacheAssaults().length > 0;
	}

	/**
	 * Decide for one operation on a cache.
	 * @param cache the cache's name
	 * @param operation {@code get}, {@code put} or {@code evict}
	 * @return the strike, or {@code null} when the operation proceeds untouched
	 */
	public @Nullable Strike strikeCache(String cache, String operation) {
		ChaosState state = state();
		if (state == null || state.cacheAssaults().length == 0) {
			return null;
		}
		return Strike.decide(state, state.cacheAssaults(), new Sites.Cache(cache, operation));
	}

	/**
	 * Return whether a redis assault may strike commands now.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean redisActive() {
		ChaosState state = state();
		return state != null && state.redisAssaults().length > 0;
	}

	/**
	 * Decide for one Redis command.
	 * @param factory the connection factory's bean name
	 * @param command the upper-case command name
	 * @param key the command's key, or {@code null} when its first argument is none
	 * @param unreachable makes the exception the client throws when Redis cannot be
	 * reached
	 * @return the strike, or {@code null} when the command proceeds untouched
	 */
	public @Nullable Strike strikeRedis(String factory, String command, @Nullable String key,
			Supplier<RuntimeException> unreachable) {
		ChaosState state = state();
		if (state == null || state.redisAssaults().length == 0) {
			return null;
		}
		return Strike.decide(state, state.redisAssaults(), new Sites.Redis(factory, command, key, unreachable));
	}

	/**
	 * Return whether a kafka assault may strike records now.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean kafkaActive() {
		ChaosState state = state();
		return state != null && state.kafkaAssaults().length > 0;
	}

	/**
	 * Return whether a rabbit assault may strike messages now.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean rabbitActive() {
		ChaosState state = state();
		return state != null && state.rabbitAssaults().length > 0;
	}

	/**
	 * Decide for one Kafka record.
	 * @param topic the record's topic
	 * @param operation {@code send} or {@code receive}
	 * @param unreachable makes the exception the client shows when no broker can be
	 * reached
	 * @return the strike, or {@code null} when the record proceeds untouched
	 */
	public @Nullable Strike strikeKafka(String topic, String operation, Unreachable unreachable) {
		ChaosState state = state();
		Assault[] assaults = (state != null) ? state.kafkaAssaults() : NONE;
		return (state == null || assaults.length == 0) ? null
				: Strike.decide(state, assaults, new Sites.Message("kafka", topic, null, operation, unreachable));
	}

	/**
	 * Decide for one RabbitMQ message.
	 * @param exchange the exchange, {@code ""} for the default exchange
	 * @param routingKey the routing key
	 * @param operation {@code send} or {@code receive}
	 * @param unreachable makes the exception the client shows when the broker cannot be
	 * reached
	 * @return the strike, or {@code null} when the message proceeds untouched
	 */
	public @Nullable Strike strikeRabbit(String exchange, String routingKey, String operation,
			Unreachable unreachable) {
		ChaosState state = state();
		Assault[] assaults = (state != null) ? state.rabbitAssaults() : NONE;
		return (state == null || assaults.length == 0) ? null : Strike.decide(state, assaults,
				new Sites.Message("rabbit", exchange, routingKey, operation, unreachable));
	}

	/**
	 * Makes the exception a broker client shows when it cannot reach the broker: built
	 * once per client, so that deciding a message allocates nothing while no assault
	 * applies.
	 */
	@FunctionalInterface
	public interface Unreachable {

		/**
		 * Make the exception.
		 * @param destination the topic or exchange
		 * @param afterWait whether the client waited its timeout first ({@code false}
		 * with {@code unavailable.immediately})
		 * @return the exception
		 */
		Exception create(String destination, boolean afterWait);

	}

}
