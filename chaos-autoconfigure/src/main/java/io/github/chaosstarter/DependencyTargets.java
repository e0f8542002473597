package io.github.chaosstarter;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * The conditions of the targets that select a dependency beneath the application's code
 * rather than bean calls, for {@link TargetBuilder#jdbc}, {@link TargetBuilder#cache},
 * {@link TargetBuilder#redis}, {@link TargetBuilder#kafka} and
 * {@link TargetBuilder#rabbit}, with the names of the
 * {@code chaos.assaults.<name>.target.jdbc|cache|redis|kafka|rabbit.*} properties.
 *
 * @author Chaos Starter team
 */
public final class DependencyTargets {

	private DependencyTargets() {
	}

	/**
	 * Conditions on Kafka records.
	 */
	public static final class KafkaBuilder {

		private final ChaosProperties.Kafka kafka;

		KafkaBuilder(ChaosProperties.Kafka kafka) {
			this.kafka = kafka;
		}

		/**
		 * Select records by topic, exact or a simple pattern such as {@code orders*}.
		 * @param topics the topics
		 * @return this builder
		 */
		public KafkaBuilder topics(String... topics) {
			this.kafka.setTopics(TargetBuilder.list(topics));
			return this;
		}

		/**
		 * Select operations: {@code send}, {@code receive}.
		 * @param operations the operations
		 * @return this builder
		 */
		public KafkaBuilder operations(String... operations) {
			this.kafka.setOperations(TargetBuilder.list(operations));
			return this;
		}

	}

	/**
	 * Conditions on RabbitMQ messages.
	 */
	public static final class RabbitBuilder {

		private final ChaosProperties.Rabbit rabbit;

		RabbitBuilder(ChaosProperties.Rabbit rabbit) {
			this.rabbit = rabbit;
		}

		/**
		 * Select messages by exchange, exact or a simple pattern; {@code ""} is the
		 * default exchange.
		 * @param exchanges the exchanges
		 * @return this builder
		 */
		public RabbitBuilder exchanges(String... exchanges) {
			this.rabbit.setExchanges(TargetBuilder.list(exchanges));
			return this;
		}

		/**
		 * Select messages by routing key, exact or a simple pattern such as
		 * {@code order.*}.
		 * @param routingKeys the routing keys
		 * @return this builder
		 */
		public RabbitBuilder routingKeys(String... routingKeys) {
			this.rabbit.setRoutingKeys(TargetBuilder.list(routingKeys));
			return this;
		}

		/**
		 * Select operations: {@code send}, {@code receive}.
		 * @param operations the operations
		 * @return this builder
		 */
		public RabbitBuilder operations(String... operations) {
			this.rabbit.setOperations(TargetBuilder.list(operations));
			return this;
		}

	}

	/**
	 * Conditions on Redis commands.
	 */
	public static final class RedisBuilder {

		private final ChaosProperties.Redis redis;

		RedisBuilder(ChaosProperties.Redis redis) {
			this.redis = redis;
		}

		/**
		 * Select commands by name, such as {@code GET}.
		 * @param commands the command names
		 * @return this builder
		 */
		public RedisBuilder commands(String... commands) {
			this.redis.setCommands(TargetBuilder.list(commands));
			return this;
		}

		/**
		 * Select commands by key pattern, such as {@code session:*}.
		 * @param keys the patterns
		 * @return this builder
		 */
		public RedisBuilder keys(String... keys) {
			this.redis.setKeys(TargetBuilder.list(keys));
			return this;
		}

	}

	/**
	 * Conditions on operations on a cache.
	 */
	public static final class CacheBuilder {

		private final ChaosProperties.Cache cache;

		CacheBuilder(ChaosProperties.Cache cache) {
			this.cache = cache;
		}

		/**
		 * Select caches by name or simple pattern.
		 * @param names the names
		 * @return this builder
		 */
		public CacheBuilder names(String... names) {
			this.cache.setNames(TargetBuilder.list(names));
			return this;
		}

		/**
		 * Select operations: {@code get}, {@code put}, {@code evict}.
		 * @param operations the operations
		 * @return this builder
		 */
		public CacheBuilder operations(String... operations) {
			this.cache.setOperations(TargetBuilder.list(operations));
			return this;
		}

	}

	/**
	 * Conditions on calls to a data source.
	 */
	public static final class JdbcBuilder {

		private final ChaosProperties.Jdbc jdbc;

		JdbcBuilder(ChaosProperties.Jdbc jdbc) {
			this.jdbc = jdbc;
		}

		/**
		 * Select data sources by bean name or simple pattern.
		 * @param dataSources the names
		 * @return this builder
		 */
		public JdbcBuilder dataSources(String... dataSources) {
			this.jdbc.setDataSources(TargetBuilder.list(dataSources));
			return this;
		}

		/**
		 * Select operations: {@code connect}, {@code query}, {@code update}.
		 * @param operations the operations
		 * @return this builder
		 */
		public JdbcBuilder operations(String... operations) {
			this.jdbc.setOperations(TargetBuilder.list(operations));
			return this;
		}

		/**
		 * Select statements by case-insensitive SQL pattern such as
		 * {@code *from orders*}.
		 * @param statements the patterns
		 * @return this builder
		 */
		public JdbcBuilder statements(String... statements) {
			this.jdbc.setStatements(TargetBuilder.list(statements));
			return this;
		}

	}

}
