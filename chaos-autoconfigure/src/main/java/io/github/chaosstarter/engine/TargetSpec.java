package io.github.chaosstarter.engine;

import java.util.List;

/**
 * Which calls an assault attacks: the {@code target} of an assault. Empty lists mean
 * "any".
 *
 * @param kinds bean kinds
 * @param beans bean name patterns
 * @param classes class name patterns
 * @param methods method name patterns
 * @param http inbound request conditions
 * @param principals authenticated user names
 * @param client outbound call conditions
 * @param jdbc data source call conditions
 * @param cache cache operation conditions
 * @param redis Redis command conditions
 * @param kafka Kafka record conditions
 * @param rabbit RabbitMQ message conditions
 * @author Chaos Starter team
 */
record TargetSpec(List<BeanKind> kinds, List<String> beans, List<String> classes, List<String> methods,
		AssaultSpec.HttpSpec http, List<String> principals, ClientSpec client, JdbcSpec jdbc, CacheSpec cache,
		RedisSpec redis, MessagingSpec kafka, MessagingSpec rabbit) {

	/**
	 * Create a new instance.
	 */
	TargetSpec {
		kinds = List.copyOf(kinds);
		beans = List.copyOf(beans);
		classes = List.copyOf(classes);
		methods = List.copyOf(methods);
		principals = List.copyOf(principals);
	}

	/**
	 * Return whether this target selects outbound HTTP calls rather than bean calls.
	 * @return {@code true} for a client target
	 */
	boolean isClient() {
		return !this.client.isEmpty();
	}

	/**
	 * Return whether this target selects calls to data sources.
	 * @return {@code true} for a jdbc target
	 */
	boolean isJdbc() {
		return !this.jdbc.isEmpty();
	}

	/**
	 * Return whether this target selects operations on caches.
	 * @return {@code true} for a cache target
	 */
	boolean isCache() {
		return !this.cache.isEmpty();
	}

	/**
	 * Return whether this target selects Redis commands.
	 * @return {@code true} for a redis target
	 */
	boolean isRedis() {
		return !this.redis.isEmpty();
	}

	/**
	 * Return whether this target selects Kafka records.
	 * @return {@code true} for a kafka target
	 */
	boolean isKafka() {
		return !this.kafka.isEmpty();
	}

	/**
	 * Return whether this target selects RabbitMQ messages.
	 * @return {@code true} for a rabbit target
	 */
	boolean isRabbit() {
		return !this.rabbit.isEmpty();
	}

	/**
	 * Return whether this target selects calls to a dependency beneath the application's
	 * code rather than bean calls or requests.
	 * @return {@code true} for a client, jdbc, cache, redis, kafka or rabbit target
	 */
	boolean isDependency() {
		return isClient() || isJdbc() || isCache() || isRedis() || isKafka() || isRabbit();
	}

	/**
	 * Return whether calls are also selected by the inbound request or user.
	 * @return {@code true} when request conditions are present
	 */
	boolean hasRequestConditions() {
		return !this.http.isEmpty() || !this.principals.isEmpty();
	}

	/**
	 * Return whether only request conditions are given: such an assault is applied once
	 * per matching request by the web filters, whether or not the request reaches a
	 * watched bean, and never by bean calls.
	 * @return {@code true} for a request-only target
	 */
	boolean requestOnly() {
		return hasRequestConditions() && !hasBeanConditions();
	}

	/**
	 * Return whether kinds, beans, classes or methods are given.
	 * @return {@code true} when a bean condition is present
	 */
	boolean hasBeanConditions() {
		return !this.kinds.isEmpty() || !this.beans.isEmpty() || !this.classes.isEmpty() || !this.methods.isEmpty();
	}

}
