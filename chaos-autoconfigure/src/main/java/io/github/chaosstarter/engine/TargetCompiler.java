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
 * Validates the {@code target} of an assault and turns it into a {@link TargetSpec}.
 *
 * @author Chaos Starter team
 */
final class TargetCompiler {

	private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private static final boolean WEB_PRESENT = ClassUtils
		.isPresent("org.springframework.web.util.pattern.PathPatternParser", TargetCompiler.class.getClassLoader());

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private final Set<BeanKind> watchedKinds;

	TargetCompiler(Set<BeanKind> watchedKinds) {
		this.watchedKinds = Set.copyOf(watchedKinds);
	}

	TargetSpec compile(String path, ChaosProperties.@Nullable Target target) {
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
		String at = path + ".";
		JdbcSpec jdbcSpec = DependencyTargetCompiler.jdbc(at + "jdbc", target.getJdbc());
		CacheSpec cacheSpec = DependencyTargetCompiler.cache(at + "cache", target.getCache());
		RedisSpec redisSpec = DependencyTargetCompiler.redis(at + "redis", target.getRedis());
		MessagingSpec kafkaSpec = DependencyTargetCompiler.kafka(at + "kafka", target.getKafka());
		MessagingSpec rabbitSpec = DependencyTargetCompiler.rabbit(at + "rabbit", target.getRabbit());
		TargetSpec spec = new TargetSpec(kinds, beans, classes, methods, httpSpec, principals, clientSpec, jdbcSpec,
				cacheSpec, redisSpec, kafkaSpec, rabbitSpec);
		DependencyTargetCompiler.check(path, spec);
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

	static List<String> patterns(String path, @Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			result.add(pattern(path + "[" + i + "]", values.get(i)));
		}
		return result;
	}

	static String pattern(String path, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidChaosPropertyException(path, "must not be empty");
		}
		if (value.length() > 500) {
			throw new InvalidChaosPropertyException(path, "is longer than 500 characters");
		}
		return value.trim();
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
