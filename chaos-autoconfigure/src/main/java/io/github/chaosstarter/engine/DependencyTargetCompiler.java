package io.github.chaosstarter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * Validates the parts of an assault's {@code target} that select calls to a dependency
 * beneath the application's code ({@code jdbc}, {@code cache}, {@code redis},
 * {@code kafka}, {@code rabbit}), and the rule that a target selects one kind of call
 * only.
 *
 * @author Chaos Starter team
 */
final class DependencyTargetCompiler {

	private static final Set<String> JDBC_OPERATIONS = Set.of("connect", "query", "update");

	private static final Set<String> CACHE_OPERATIONS = Set.of("get", "put", "evict");

	private static final Set<String> MESSAGE_OPERATIONS = Set.of("send", "receive");

	private static final Pattern REDIS_COMMAND = Pattern.compile("[A-Za-z]+");

	private static final ClassLoader LOADER = DependencyTargetCompiler.class.getClassLoader();

	private static final boolean CACHE_PRESENT = ClassUtils
		.isPresent("org.springframework.cache.interceptor.CacheAspectSupport", LOADER);

	private static final boolean REDIS_PRESENT = ClassUtils
		.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory", LOADER);

	private static final boolean KAFKA_PRESENT = ClassUtils.isPresent("org.springframework.kafka.core.ProducerFactory",
			LOADER);

	private static final boolean RABBIT_PRESENT = ClassUtils
		.isPresent("org.springframework.amqp.rabbit.core.RabbitTemplate", LOADER);

	private DependencyTargetCompiler() {
	}

	static JdbcSpec jdbc(String path, ChaosProperties.Jdbc jdbc) {
		List<String> statements = TargetCompiler.patterns(path + ".statements", jdbc.getStatements());
		statements.replaceAll(JdbcSpec::normalize);
		return new JdbcSpec(TargetCompiler.patterns(path + ".data-sources", jdbc.getDataSources()),
				operations(path + ".operations", jdbc.getOperations(), JDBC_OPERATIONS, "connect, query, update"),
				statements);
	}

	static CacheSpec cache(String path, ChaosProperties.Cache cache) {
		return new CacheSpec(TargetCompiler.patterns(path + ".names", cache.getNames()),
				operations(path + ".operations", cache.getOperations(), CACHE_OPERATIONS, "get, put, evict"));
	}

	static RedisSpec redis(String path, ChaosProperties.Redis redis) {
		List<String> commands = new ArrayList<>();
		List<String> given = TargetCompiler.patterns(path + ".commands", redis.getCommands());
		for (int i = 0; i < given.size(); i++) {
			String command = given.get(i);
			if (!REDIS_COMMAND.matcher(command).matches()) {
				throw new InvalidChaosPropertyException(path + ".commands[" + i + "]",
						"'" + SpecCompiler.abbreviate(command)
								+ "' is not a Redis command name: letters only, such as GET, SET or HGET");
			}
			command = command.toUpperCase(Locale.ROOT);
			if (!commands.contains(command)) {
				commands.add(command);
			}
		}
		return new RedisSpec(commands, TargetCompiler.patterns(path + ".keys", redis.getKeys()));
	}

	static MessagingSpec kafka(String path, ChaosProperties.Kafka kafka) {
		return new MessagingSpec(TargetCompiler.patterns(path + ".topics", kafka.getTopics()), List.of(),
				operations(path + ".operations", kafka.getOperations(), MESSAGE_OPERATIONS, "send, receive"));
	}

	static MessagingSpec rabbit(String path, ChaosProperties.Rabbit rabbit) {
		List<String> exchanges = new ArrayList<>();
		List<String> given = rabbit.getExchanges();
		for (int i = 0; given != null && i < given.size(); i++) {
			String exchange = given.get(i);
			// "" is RabbitMQ's default exchange, which routes by queue name
			exchanges.add("".equals(exchange) ? "" : TargetCompiler.pattern(path + ".exchanges[" + i + "]", exchange));
		}
		return new MessagingSpec(exchanges, TargetCompiler.patterns(path + ".routing-keys", rabbit.getRoutingKeys()),
				operations(path + ".operations", rabbit.getOperations(), MESSAGE_OPERATIONS, "send, receive"));
	}

	/**
	 * Check that a target selects one kind of call only, and that what it selects is on
	 * the class path.
	 * @param path the target's property path
	 * @param spec the compiled target
	 */
	static void check(String path, TargetSpec spec) {
		String[] names = { "client", "jdbc", "cache", "redis", "kafka", "rabbit" };
		boolean[] selected = { spec.isClient(), spec.isJdbc(), spec.isCache(), spec.isRedis(), spec.isKafka(),
				spec.isRabbit() };
		boolean calls = spec.hasBeanConditions() || spec.hasRequestConditions();
		String earlier = null;
		for (int i = 0; i < names.length; i++) {
			if (!selected[i]) {
				continue;
			}
			if (calls || earlier != null) {
				throw new InvalidChaosPropertyException(path + "." + names[i], "a " + names[i]
						+ " target selects calls to one kind of dependency and cannot be combined with kinds, beans, "
						+ "classes, methods, http, principal or another dependency target ("
						+ ((earlier != null) ? earlier : "bean or request conditions") + "); use a separate assault");
			}
			earlier = names[i];
		}
		present(path + ".cache", spec.isCache(), CACHE_PRESENT, "Spring's caching support (spring-context)");
		present(path + ".redis", spec.isRedis(), REDIS_PRESENT, "Spring Data Redis (spring-boot-starter-data-redis)");
		present(path + ".kafka", spec.isKafka(), KAFKA_PRESENT, "Spring for Apache Kafka (spring-kafka)");
		present(path + ".rabbit", spec.isRabbit(), RABBIT_PRESENT, "Spring AMQP (spring-rabbit)");
		if (spec.isJdbc() && !spec.jdbc().statements().isEmpty() && !spec.jdbc().selects("query")
				&& !spec.jdbc().selects("update")) {
			throw new InvalidChaosPropertyException(path + ".jdbc.statements",
					"statements select queries and updates, but operations names only connect; add query or update,"
							+ " or leave statements out");
		}
	}

	private static void present(String path, boolean selected, boolean present, String library) {
		if (selected && !present) {
			throw new InvalidChaosPropertyException(path, "a " + path.substring(path.lastIndexOf('.') + 1)
					+ " target needs " + library + " on the class path");
		}
	}

	private static List<String> operations(String path, @Nullable List<String> values, Set<String> known,
			String names) {
		List<String> result = new ArrayList<>();
		List<String> given = TargetCompiler.patterns(path, values);
		for (int i = 0; i < given.size(); i++) {
			String operation = given.get(i).toLowerCase(Locale.ROOT);
			if (!known.contains(operation)) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]",
						"unknown operation '" + SpecCompiler.abbreviate(given.get(i)) + "'; use one of " + names);
			}
			if (!result.contains(operation)) {
				result.add(operation);
			}
		}
		return result;
	}

}
