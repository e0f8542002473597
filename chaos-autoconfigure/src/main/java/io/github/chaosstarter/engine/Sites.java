package io.github.chaosstarter.engine;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The injection sites of inbound requests and outbound calls; bean methods have theirs in
 * {@link ChaosInterceptor}.
 *
 * @author Chaos Starter team
 */
final class Sites {

	private Sites() {
	}

	/**
	 * One inbound request, for the request-only assaults.
	 */
	record Request(RequestFacts request) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesRequest(this.request);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.request.method() + " " + this.request.path();
		}

	}

	/**
	 * One outbound call.
	 */
	record Client(String httpMethod, URI uri) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesClient(this.httpMethod, this.uri);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			if (effect instanceof AssaultSpec.UnavailableSpec) {
				// as a refused connection: the clients wrap it as they wrap a real one
				return new ConnectException("Connection refused");
			}
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.httpMethod + " " + this.uri.getHost() + this.uri.getRawPath();
		}

		@Override
		public ChaosListener.Dependency dependency() {
			int port = this.uri.getPort();
			if (port < 0) {
				port = "https".equalsIgnoreCase(this.uri.getScheme()) ? 443 : 80;
			}
			return new ChaosListener.Dependency("http:" + this.uri.getHost() + ":" + port, "http");
		}

	}

	/**
	 * One call to a data source: obtaining a connection, or executing a statement.
	 *
	 * @param dataSource the data source's bean name
	 * @param operation {@code connect}, {@code query} or {@code update}
	 * @param sql the statement in lower case with single spaces, {@code null} for
	 * {@code connect}
	 * @param pool the pool's name, as its own errors name it
	 * @param waitMillis how long the pool waits for a connection before it gives up
	 */
	record Jdbc(String dataSource, String operation, @Nullable String sql, String pool,
			long waitMillis) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesJdbc(this.dataSource, this.operation, this.sql);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			if (effect instanceof AssaultSpec.UnavailableSpec unavailable) {
				// as a pool that cannot reach its database (HikariCP's words)
				long waited = unavailable.immediately() ? 0 : this.waitMillis;
				return JdbcChaos.poolTimeout(this.pool, waited);
			}
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			String sql = this.sql;
			if (sql == null) {
				return "jdbc:" + this.dataSource + " " + this.operation;
			}
			return "jdbc:" + this.dataSource + " " + this.operation + " "
					+ ((sql.length() <= 80) ? sql : sql.substring(0, 77) + "...");
		}

		@Override
		public ChaosListener.Dependency dependency() {
			return new ChaosListener.Dependency("jdbc:" + this.dataSource, "jdbc");
		}

	}

	/**
	 * The connections of one pool, held by a pool-exhaustion assault.
	 *
	 * @param dataSource the data source's bean name
	 */
	record Pool(String dataSource) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return true;
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return null;
		}

		@Override
		public String target() {
			return "jdbc:" + this.dataSource + " pool";
		}

		@Override
		public ChaosListener.Dependency dependency() {
			return new ChaosListener.Dependency("jdbc:" + this.dataSource, "jdbc");
		}

	}

	/**
	 * One operation on a Spring cache.
	 *
	 * @param cache the cache's name
	 * @param operation {@code get}, {@code put} or {@code evict}
	 */
	record Cache(String cache, String operation) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesCache(this.cache, this.operation);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			if (effect instanceof AssaultSpec.UnavailableSpec) {
				// as a remote cache whose server cannot be reached
				return new UncheckedIOException("Cache '" + this.cache + "' is unavailable: Connection refused",
						new ConnectException("Connection refused"));
			}
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return "cache:" + this.cache + " " + this.operation;
		}

		@Override
		public ChaosListener.Dependency dependency() {
			return new ChaosListener.Dependency("cache:" + this.cache, "cache");
		}

	}

	/**
	 * One command sent through a Redis connection factory.
	 *
	 * @param factory the connection factory's bean name
	 * @param command the upper-case command name
	 * @param key the command's key, or {@code null}
	 * @param unreachable makes the exception the client throws when Redis cannot be
	 * reached
	 */
	record Redis(String factory, String command, @Nullable String key,
			Supplier<RuntimeException> unreachable) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesRedis(this.command, this.key);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return unreachableOrThrown(assault, effect, this.unreachable);
		}

		@Override
		public String target() {
			return "redis:" + this.factory + " " + this.command + ((this.key != null) ? " " + this.key : "");
		}

		@Override
		public ChaosListener.Dependency dependency() {
			return new ChaosListener.Dependency("redis:" + this.factory, "redis");
		}

	}

	/**
	 * One message sent to or received from a broker.
	 *
	 * @param broker {@code kafka} or {@code rabbit}
	 * @param destination the topic or exchange
	 * @param routingKey the routing key, or {@code null} (Kafka)
	 * @param operation {@code send} or {@code receive}
	 * @param unreachable makes the exception the client shows when the broker cannot be
	 * reached
	 */
	record Message(String broker, String destination, @Nullable String routingKey, String operation,
			DependencyChaos.Unreachable unreachable) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			TargetSpec target = assault.spec().target();
			return (this.broker.equals("kafka") ? target.kafka() : target.rabbit()).matches(this.destination,
					this.routingKey, this.operation);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return (effect instanceof AssaultSpec.UnavailableSpec unavailable)
					? this.unreachable.create(this.destination, !unavailable.immediately()) : thrown(assault, effect);
		}

		@Override
		public String target() {
			return name() + " " + this.operation
					+ ((this.routingKey != null && !this.destination.isEmpty()) ? " " + this.routingKey : "");
		}

		@Override
		public ChaosListener.Dependency dependency() {
			return new ChaosListener.Dependency(name(), this.broker);
		}

		private String name() {
			// the default exchange routes by queue name: the routing key names the
			// dependency
			return this.broker + ":"
					+ ((this.destination.isEmpty() && this.routingKey != null) ? this.routingKey : this.destination);
		}

	}

	/**
	 * The failure of a call to a dependency whose client makes its own exception when the
	 * dependency cannot be reached.
	 */
	private static @Nullable Throwable unreachableOrThrown(Assault assault, AssaultSpec.EffectSpec effect,
			Supplier<? extends Throwable> unreachable) {
		return (effect instanceof AssaultSpec.UnavailableSpec) ? unreachable.get() : thrown(assault, effect);
	}

	private static @Nullable Throwable thrown(Assault assault, AssaultSpec.EffectSpec effect) {
		return (effect instanceof AssaultSpec.ExceptionSpec exception)
				? ExceptionFactory.create(assault.name(), exception, null, true) : null;
	}

}
