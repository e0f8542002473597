package io.github.chaosstarter.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * Validates the {@code target} of an assault and turns it into a
 * {@link AssaultSpec.TargetSpec}.
 *
 * @author Chaos Starter team
 */
final class TargetCompiler {

	private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private static final boolean WEB_PRESENT = ClassUtils
		.isPresent("org.springframework.web.util.pattern.PathPatternParser", TargetCompiler.class.getClassLoader());

	private static final Set<String> JDBC_OPERATIONS = Set.of("connect", "query", "update");

	private static final Set<String> CACHE_OPERATIONS = Set.of("get", "put", "evict");

	private static final boolean CACHE_PRESENT = ClassUtils
		.isPresent("org.springframework.cache.interceptor.CacheAspectSupport", TargetCompiler.class.getClassLoader());

	private static final boolean REDIS_PRESENT = ClassUtils.isPresent(
			"org.springframework.data.redis.connection.RedisConnectionFactory", TargetCompiler.class.getClassLoader());

	private static final Pattern REDIS_COMMAND = Pattern.compile("[A-Za-z]+");

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private final Set<BeanKind> watchedKinds;

	TargetCompiler(Set<BeanKind> watchedKinds) {
		this.watchedKinds = Set.copyOf(watchedKinds);
	}

	AssaultSpec.TargetSpec compile(String path, ChaosProperties.@Nullable Target target) {
		if (target == null) {
			target = new ChaosProperties.Target();
		}
		List<BeanKind> kinds = new ArrayList<>();
		for (int i = 0; i < target.getKinds().size(); i++) {
			kinds.add(kind(path + ".kinds[" + i + "]", target.getKinds().get(i)));
		}
		List<String> beans = patterns(path + ".beans", target.getBeans());
		List<String> classes = patterns(path + ".classes", target.getClasses());
		List<String> methods = patterns(path + ".methods", target.getMethods());
		ChaosProperties.Http http = target.getHttp();
		AssaultSpec.HttpSpec httpSpec = new AssaultSpec.HttpSpec(paths(path + ".http.paths", http.getPaths()),
				httpMethods(path + ".http.methods", http.getMethods()),
				headers(path + ".http.headers", http.getHeaders()));
		List<String> principals = patterns(path + ".principal", target.getPrincipal());
		ChaosProperties.Client client = target.getClient();
		ClientSpec clientSpec = new ClientSpec(hosts(path + ".client.hosts", client.getHosts()),
				paths(path + ".client.paths", client.getPaths()),
				httpMethods(path + ".client.methods", client.getMethods()));
		ChaosProperties.Jdbc jdbc = target.getJdbc();
		JdbcSpec jdbcSpec = new JdbcSpec(patterns(path + ".jdbc.data-sources", jdbc.getDataSources()),
				operations(path + ".jdbc.operations", jdbc.getOperations(), JDBC_OPERATIONS, "connect, query, update"),
				statements(path + ".jdbc.statements", jdbc.getStatements()));
		ChaosProperties.Cache cache = target.getCache();
		CacheSpec cacheSpec = new CacheSpec(patterns(path + ".cache.names", cache.getNames()),
				operations(path + ".cache.operations", cache.getOperations(), CACHE_OPERATIONS, "get, put, evict"));
		ChaosProperties.Redis redis = target.getRedis();
		RedisSpec redisSpec = new RedisSpec(redisCommands(path + ".redis.commands", redis.getCommands()),
				patterns(path + ".redis.keys", redis.getKeys()));
		AssaultSpec.TargetSpec spec = new AssaultSpec.TargetSpec(kinds, beans, classes, methods, httpSpec, principals,
				clientSpec, jdbcSpec, cacheSpec, redisSpec);
		if (spec.isClient() && (spec.hasBeanConditions() || spec.hasRequestConditions())) {
			throw new InvalidChaosPropertyException(path + ".client",
					"a client target selects outbound calls and cannot be combined with kinds, beans, classes, methods, "
							+ "http or principal; use a separate assault");
		}
		if (spec.isJdbc() && (spec.isClient() || spec.hasBeanConditions() || spec.hasRequestConditions())) {
			throw new InvalidChaosPropertyException(path + ".jdbc",
					"a jdbc target selects calls to data sources and cannot be combined with kinds, beans, classes, "
							+ "methods, http, principal or client; use a separate assault");
		}
		if (spec.isRedis() && (spec.isCache() || spec.isJdbc() || spec.isClient() || spec.hasBeanConditions()
				|| spec.hasRequestConditions())) {
			throw new InvalidChaosPropertyException(path + ".redis",
					"a redis target selects Redis commands and cannot be combined with kinds, beans, classes, "
							+ "methods, http, principal, client, jdbc or cache; use a separate assault");
		}
		if (spec.isRedis() && !REDIS_PRESENT) {
			throw new InvalidChaosPropertyException(path + ".redis",
					"a redis target needs Spring Data Redis (spring-boot-starter-data-redis) on the class path");
		}
		if (spec.isCache()
				&& (spec.isJdbc() || spec.isClient() || spec.hasBeanConditions() || spec.hasRequestConditions())) {
			throw new InvalidChaosPropertyException(path + ".cache",
					"a cache target selects operations on caches and cannot be combined with kinds, beans, classes, "
							+ "methods, http, principal, client or jdbc; use a separate assault");
		}
		if (spec.isCache() && !CACHE_PRESENT) {
			throw new InvalidChaosPropertyException(path + ".cache",
					"a cache target needs Spring's caching support (spring-context) on the class path");
		}
		if (spec.isJdbc() && !jdbcSpec.statements().isEmpty() && !jdbcSpec.selects("query")
				&& !jdbcSpec.selects("update")) {
			throw new InvalidChaosPropertyException(path + ".jdbc.statements",
					"statements select queries and updates, but operations names only connect; add query or update,"
							+ " or leave statements out");
		}
		if ((spec.isClient() || !spec.http().isEmpty()) && !WEB_PRESENT) {
			throw new InvalidChaosPropertyException(path, "http and client targets need spring-web on the class path");
		}
		return spec;
	}

	private BeanKind kind(String path, @Nullable String id) {
		BeanKind kind = BeanKind.fromId(String.valueOf(id));
		if (kind == null) {
			throw new InvalidChaosPropertyException(path,
					"unknown kind '" + SpecCompiler.abbreviate(String.valueOf(id)) + "'; use one of " + BeanKind.ids());
		}
		if (!this.watchedKinds.contains(kind)) {
			throw new InvalidChaosPropertyException(path, "kind '" + kind.id()
					+ "' is not watched, so its beans have no advice; add it to chaos.watch.kinds in the application's "
					+ "configuration (read at startup)");
		}
		return kind;
	}

	private static List<String> patterns(String path, @Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isBlank()) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]", "must not be empty");
			}
			if (value.length() > 500) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]", "is longer than 500 characters");
			}
			result.add(value.trim());
		}
		return result;
	}

	static List<String> paths(String path, @Nullable List<String> values) {
		List<String> result = patterns(path, values);
		for (int i = 0; i < result.size(); i++) {
			String pattern = result.get(i);
			if (!pattern.startsWith("/")) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]",
						"must be a path pattern starting with '/' but was '" + SpecCompiler.abbreviate(pattern) + "'");
			}
			if (WEB_PRESENT) {
				String problem = PathPatterns.problem(pattern);
				if (problem != null) {
					throw new InvalidChaosPropertyException(path + "[" + i + "]",
							"is not a valid Spring path pattern ('" + SpecCompiler.abbreviate(pattern) + "'): "
									+ problem);
				}
			}
		}
		return result;
	}

	private static List<String> httpMethods(String path, @Nullable List<String> values) {
		List<String> result = new ArrayList<>();
		List<String> given = patterns(path, values);
		for (int i = 0; i < given.size(); i++) {
			String method = given.get(i).toUpperCase(Locale.ROOT);
			if (!HTTP_METHODS.contains(method)) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]", "unknown HTTP method '"
						+ SpecCompiler.abbreviate(given.get(i)) + "'; use one of " + String.join(", ", HTTP_METHODS));
			}
			result.add(method);
		}
		return result;
	}

	private static List<String> operations(String path, @Nullable List<String> values, Set<String> known,
			String names) {
		List<String> result = new ArrayList<>();
		List<String> given = patterns(path, values);
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

	private static List<String> redisCommands(String path, @Nullable List<String> values) {
		List<String> result = new ArrayList<>();
		List<String> given = patterns(path, values);
		for (int i = 0; i < given.size(); i++) {
			String command = given.get(i).trim();
			if (!REDIS_COMMAND.matcher(command).matches()) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]", "'" + SpecCompiler.abbreviate(command)
						+ "' is not a Redis command name: letters only, such as GET, SET or HGET");
			}
			command = command.toUpperCase(Locale.ROOT);
			if (!result.contains(command)) {
				result.add(command);
			}
		}
		return result;
	}

	private static List<String> statements(String path, @Nullable List<String> values) {
		List<String> result = patterns(path, values);
		result.replaceAll(JdbcSpec::normalize);
		return result;
	}

	private static List<String> hosts(String path, @Nullable List<String> values) {
		List<String> result = patterns(path, values);
		for (int i = 0; i < result.size(); i++) {
			String host = result.get(i);
			if (host.contains("/") || host.contains(":") || host.indexOf('*', 1) >= 0) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]",
						"must be a host name, exact or with a leading wildcard such as *.example.com, but was '"
								+ SpecCompiler.abbreviate(host) + "'");
			}
			result.set(i, host.toLowerCase(Locale.ROOT));
		}
		return result;
	}

	/**
	 * Check a header name: a token as HTTP defines it, so that it can match a real
	 * header. The one rule for startup and runtime.
	 * @param path the property of the headers map
	 * @param name the header name
	 */
	static void checkHeaderName(String path, @Nullable String name) {
		if (name == null || name.isEmpty()) {
			throw new InvalidChaosPropertyException(path, "header names must not be empty");
		}
		if (name.length() > 100 || !HEADER_NAME.matcher(name).matches()) {
			throw new InvalidChaosPropertyException(path + "." + SpecCompiler.abbreviate(name),
					"is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only");
		}
	}

	private static Map<String, String> headers(String path, @Nullable Map<String, String> values) {
		if (values == null) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			checkHeaderName(path, name);
			if (value == null) {
				throw new InvalidChaosPropertyException(path + "." + name, "must have a value");
			}
			result.put(name, value);
		});
		return result;
	}

	/**
	 * Validates path patterns with Spring's {@code PathPatternParser}; a class of its own
	 * so that the compiler loads without spring-web.
	 */
	private static final class PathPatterns {

		static @Nullable String problem(String pattern) {
			try {
				org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse(pattern);
				return null;
			}
			catch (IllegalArgumentException ex) {
				return ex.getMessage();
			}
		}

	}

}
