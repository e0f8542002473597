package io.github.chaosstarter.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.ClientSpec;
import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.HttpSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;
import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.config.ChaosSpec.GuardSpec;
import io.github.chaosstarter.target.BeanKind;

/**
 * Validates bound {@link ChaosProperties} and turns them into immutable specifications.
 * The same code checks the application's configuration at startup and every change posted
 * at runtime, so a value that fails startup fails a change the same way. Every failure is
 * an {@link InvalidChaosPropertyException} naming the property.
 *
 * @author Chaos Starter team
 */
public final class ChaosSpecCompiler {

	private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	/**
	 * Longest {@code chaos.duration}: an auto-halt further away is a mistake, never a
	 * plan.
	 */
	static final Duration MAX_DURATION = Duration.ofDays(30);

	/** Longest {@code chaos.guard.window}. */
	static final Duration MAX_GUARD_WINDOW = Duration.ofDays(1);

	/** Longest injected delay. */
	static final Duration MAX_LATENCY = Duration.ofHours(1);

	/** Longest {@code Retry-After}. */
	static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private final Set<BeanKind> watchedKinds;

	private final boolean allowKill;

	private final @Nullable ClassLoader classLoader;

	/**
	 * Create a new compiler.
	 * @param watchedKinds the kinds that get advice (from {@code chaos.watch.kinds})
	 * @param allowKill whether the application's own configuration allows kill assaults
	 * @param classLoader class loader for exception types
	 */
	public ChaosSpecCompiler(Set<BeanKind> watchedKinds, boolean allowKill, @Nullable ClassLoader classLoader) {
		this.watchedKinds = Set.copyOf(watchedKinds);
		this.allowKill = allowKill;
		this.classLoader = classLoader;
	}

	/**
	 * Parse {@code chaos.watch.kinds}.
	 * @param kinds the configured names
	 * @return the kinds
	 */
	public static Set<BeanKind> watchedKinds(List<String> kinds) {
		Set<BeanKind> result = EnumSet.noneOf(BeanKind.class);
		for (int i = 0; i < kinds.size(); i++) {
			BeanKind kind = BeanKind.fromId(kinds.get(i));
			if (kind == null) {
				throw new InvalidChaosPropertyException("chaos.watch.kinds[" + i + "]",
						"unknown kind '" + kinds.get(i) + "'; use one of " + BeanKind.ids());
			}
			result.add(kind);
		}
		return result;
	}

	/**
	 * Return the kinds that get advice.
	 * @return the watched kinds
	 */
	public Set<BeanKind> watchedKinds() {
		return this.watchedKinds;
	}

	/**
	 * Return whether kill assaults are allowed.
	 * @return whether {@code chaos.allow-kill} is set
	 */
	public boolean allowKill() {
		return this.allowKill;
	}

	/**
	 * Validate and convert the whole configuration.
	 * @param properties the bound properties
	 * @return the specification
	 */
	public ChaosSpec compile(ChaosProperties properties) {
		Map<String, AssaultSpec> assaults = new LinkedHashMap<>();
		properties.getAssaults()
			.forEach((name, assault) -> assaults.put(name, assault("chaos.assaults", name, assault)));
		return new ChaosSpec(properties.isEnabled(), properties.isDryRun(), properties.getSeed(),
				duration("chaos.duration", properties.getDuration()), guard("chaos.guard", properties.getGuard()),
				assaults);
	}

	/**
	 * Validate the guard settings.
	 * @param prefix property prefix, e.g. {@code chaos.guard}
	 * @param guard the bound values
	 * @return the specification
	 */
	public GuardSpec guard(String prefix, ChaosProperties.Guard guard) {
		double rate = guard.getMaxErrorRate();
		if (!(rate >= 0.0 && rate <= 1.0)) {
			throw new InvalidChaosPropertyException(prefix + ".max-error-rate",
					"must be between 0.0 and 1.0 (1.0 switches the guard off) but was " + rate);
		}
		Duration window = guard.getWindow();
		if (window == null || window.isNegative() || window.isZero()) {
			throw new InvalidChaosPropertyException(prefix + ".window",
					"must be a positive duration but was " + window);
		}
		atMost(prefix + ".window", window, MAX_GUARD_WINDOW);
		return new GuardSpec(rate, window);
	}

	/**
	 * Validate a duration that must not be negative.
	 * @param property the property name
	 * @param duration the value
	 * @return the value, zero for {@code null}
	 */
	public Duration duration(String property, @Nullable Duration duration) {
		if (duration == null) {
			return Duration.ZERO;
		}
		if (duration.isNegative()) {
			throw new InvalidChaosPropertyException(property, "must not be negative but was " + duration);
		}
		atMost(property, duration, MAX_DURATION);
		return duration;
	}

	private static void atMost(String property, Duration duration, Duration max) {
		if (duration.compareTo(max) > 0) {
			throw new InvalidChaosPropertyException(property,
					"must not exceed " + format(max) + " but was " + format(duration));
		}
	}

	/**
	 * Write a duration as in configuration files, without overflowing for huge values.
	 * @param duration the duration
	 * @return e.g. {@code 30s}, {@code 1d} or the ISO-8601 form when no unit fits
	 */
	static String format(Duration duration) {
		long seconds = duration.getSeconds();
		int nanos = duration.getNano();
		if (nanos == 0) {
			if (seconds == 0) {
				return "0s";
			}
			for (long[] unit : new long[][] { { 86_400, 'd' }, { 3_600, 'h' }, { 60, 'm' }, { 1, 's' } }) {
				if (seconds % unit[0] == 0) {
					return (seconds / unit[0]) + String.valueOf((char) unit[1]);
				}
			}
		}
		if (Math.abs(seconds) < 1_000_000 && nanos % 1_000_000 == 0) {
			return (seconds * 1000 + nanos / 1_000_000) + "ms";
		}
		return duration.toString();
	}

	/**
	 * Validate and convert one assault.
	 * @param prefix property prefix of the map, e.g. {@code chaos.assaults}
	 * @param name the assault's name
	 * @param assault the bound values
	 * @return the specification
	 */
	public AssaultSpec assault(String prefix, String name, ChaosProperties.Assault assault) {
		String path = prefix + "." + name;
		if (name.isBlank()) {
			throw new InvalidChaosPropertyException(prefix, "an assault needs a non-empty name");
		}
		double probability = assault.getProbability();
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new InvalidChaosPropertyException(path + ".probability",
					"must be between 0.0 and 1.0 but was " + probability);
		}
		Long max = assault.getMaxInjections();
		if (max != null && max < 0) {
			throw new InvalidChaosPropertyException(path + ".max-injections", "must not be negative but was " + max);
		}
		TargetSpec target = target(path + ".target", assault.getTarget());
		EffectSpec effect = effect(path, assault);
		if (target.isClient() && effect instanceof KillSpec) {
			throw new InvalidChaosPropertyException(path + ".kill",
					"a kill effect cannot target outbound client calls; use a bean or http target");
		}
		return new AssaultSpec(name, target, effect, probability, max, assault.isEnabled());
	}

	private EffectSpec effect(String path, ChaosProperties.Assault assault) {
		List<String> given = new ArrayList<>();
		if (assault.getException() != null) {
			given.add("exception");
		}
		if (assault.getLatency() != null) {
			given.add("latency");
		}
		if (assault.getErrorResponse() != null) {
			given.add("error-response");
		}
		if (assault.getKill() != null) {
			given.add("kill");
		}
		if (given.isEmpty()) {
			throw new InvalidChaosPropertyException(path,
					"an assault needs exactly one effect: exception, latency, error-response or kill; none was given"
							+ " (in YAML an empty 'exception: {}' sets nothing: give one of its keys, e.g. exception.message)");
		}
		if (given.size() > 1) {
			throw new InvalidChaosPropertyException(path + "." + given.get(1), "an assault has exactly one effect but "
					+ String.join(" and ", given) + " were given; split them into separate assaults");
		}
		if (assault.getException() != null) {
			return exception(path + ".exception", assault.getException());
		}
		if (assault.getLatency() != null) {
			return latency(path + ".latency", assault.getLatency());
		}
		if (assault.getErrorResponse() != null) {
			return errorResponse(path + ".error-response", assault.getErrorResponse());
		}
		return kill(path + ".kill", assault.getKill());
	}

	private ExceptionSpec exception(String path, ChaosProperties.ExceptionEffect exception) {
		String typeName = (exception.getType() != null) ? exception.getType().trim() : "";
		if (typeName.isEmpty()) {
			throw new InvalidChaosPropertyException(path + ".type", "must name a Throwable class");
		}
		Class<?> type;
		try {
			// initialize=false: no static initialiser runs before we know it is a
			// Throwable
			type = Class.forName(typeName, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidChaosPropertyException(path + ".type",
					"class '" + typeName + "' was not found on the application's class path");
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw new InvalidChaosPropertyException(path + ".type",
					"class '" + typeName + "' is not a java.lang.Throwable");
		}
		if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
			throw new InvalidChaosPropertyException(path + ".type",
					"class '" + typeName + "' is abstract or not public and cannot be instantiated");
		}
		@SuppressWarnings("unchecked")
		Class<? extends Throwable> throwable = (Class<? extends Throwable>) type;
		if (usableConstructor(throwable) == null) {
			throw new InvalidChaosPropertyException(path + ".type", "class '" + typeName
					+ "' has no public constructor taking (String), (String, Throwable) or no arguments");
		}
		String message = (exception.getMessage() != null) ? exception.getMessage() : "injected failure";
		return new ExceptionSpec(throwable, message);
	}

	private LatencySpec latency(String path, ChaosProperties.Latency latency) {
		Duration min = latency.getMin();
		Duration max = latency.getMax();
		if (min == null && max == null) {
			throw new InvalidChaosPropertyException(path + ".min", "a latency effect needs min, max or both");
		}
		if (min != null && min.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".min", "must not be negative but was " + format(min));
		}
		if (max != null && max.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".max", "must not be negative but was " + format(max));
		}
		min = (min != null) ? min : max;
		max = (max != null) ? max : min;
		if (min.compareTo(max) > 0) {
			throw new InvalidChaosPropertyException(path + ".min",
					"must not be greater than max (" + format(max) + ") but was " + format(min));
		}
		atMost(path + ".max", max, MAX_LATENCY);
		return new LatencySpec(min, max);
	}

	private ErrorResponseSpec errorResponse(String path, ChaosProperties.ErrorResponse response) {
		int status = response.getStatus();
		if (status < 400 || status > 599) {
			throw new InvalidChaosPropertyException(path + ".status",
					"must be an HTTP error status from 400 to 599 but was " + status);
		}
		Duration retryAfter = response.getRetryAfter();
		if (retryAfter != null && retryAfter.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".retry-after",
					"must not be negative but was " + format(retryAfter));
		}
		if (retryAfter != null) {
			atMost(path + ".retry-after", retryAfter, MAX_RETRY_AFTER);
		}
		return new ErrorResponseSpec(status, retryAfter);
	}

	private KillSpec kill(String path, ChaosProperties.@Nullable Kill kill) {
		if (kill == null) {
			throw new InvalidChaosPropertyException(path, "missing kill settings");
		}
		if (!this.allowKill) {
			throw new InvalidChaosPropertyException(path,
					"kill assaults are refused unless chaos.allow-kill=true is set in the application's own configuration");
		}
		String mode = (kill.getMode() != null) ? kill.getMode().trim().toLowerCase(Locale.ROOT) : "";
		if (!mode.equals("graceful") && !mode.equals("abrupt")) {
			throw new InvalidChaosPropertyException(path + ".mode",
					"must be 'graceful' or 'abrupt' but was '" + kill.getMode() + "'");
		}
		if (kill.getExitCode() < 0 || kill.getExitCode() > 255) {
			throw new InvalidChaosPropertyException(path + ".exit-code",
					"must be between 0 and 255 but was " + kill.getExitCode());
		}
		return new KillSpec(mode.equals("abrupt"), kill.getExitCode());
	}

	private TargetSpec target(String path, ChaosProperties.@Nullable Target target) {
		if (target == null) {
			target = new ChaosProperties.Target();
		}
		List<BeanKind> kinds = new ArrayList<>();
		for (int i = 0; i < target.getKinds().size(); i++) {
			String id = target.getKinds().get(i);
			BeanKind kind = BeanKind.fromId(String.valueOf(id));
			if (kind == null) {
				throw new InvalidChaosPropertyException(path + ".kinds[" + i + "]",
						"unknown kind '" + id + "'; use one of " + BeanKind.ids());
			}
			if (!this.watchedKinds.contains(kind)) {
				throw new InvalidChaosPropertyException(path + ".kinds[" + i + "]", "kind '" + id
						+ "' is not watched, so its beans have no advice; add it to chaos.watch.kinds in the application's configuration (read at startup)");
			}
			kinds.add(kind);
		}
		List<String> beans = patterns(path + ".beans", target.getBeans());
		List<String> classes = patterns(path + ".classes", target.getClasses());
		List<String> methods = patterns(path + ".methods", target.getMethods());
		ChaosProperties.Http http = (target.getHttp() != null) ? target.getHttp() : new ChaosProperties.Http();
		HttpSpec httpSpec = new HttpSpec(paths(path + ".http.paths", http.getPaths()),
				httpMethods(path + ".http.methods", http.getMethods()),
				headers(path + ".http.headers", http.getHeaders()));
		List<String> principals = patterns(path + ".principal", target.getPrincipal());
		ChaosProperties.Client client = (target.getClient() != null) ? target.getClient()
				: new ChaosProperties.Client();
		ClientSpec clientSpec = new ClientSpec(hosts(path + ".client.hosts", client.getHosts()),
				paths(path + ".client.paths", client.getPaths()),
				httpMethods(path + ".client.methods", client.getMethods()));
		TargetSpec spec = new TargetSpec(kinds, beans, classes, methods, httpSpec, principals, clientSpec);
		if (spec.isClient() && (spec.hasBeanConditions() || spec.hasRequestConditions())) {
			throw new InvalidChaosPropertyException(path + ".client",
					"a client target selects outbound calls and cannot be combined with kinds, beans, classes, methods, http or principal; use a separate assault");
		}
		return spec;
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
			result.add(value.trim());
		}
		return result;
	}

	private static List<String> paths(String path, @Nullable List<String> values) {
		List<String> result = patterns(path, values);
		for (int i = 0; i < result.size(); i++) {
			if (!result.get(i).startsWith("/")) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]",
						"must be a path pattern starting with '/' but was '" + result.get(i) + "'");
			}
			if (PathPatterns.PRESENT) {
				String problem = PathPatterns.problem(result.get(i));
				if (problem != null) {
					throw new InvalidChaosPropertyException(path + "[" + i + "]",
							"is not a valid Spring path pattern ('" + result.get(i) + "'): " + problem);
				}
			}
		}
		return result;
	}

	/**
	 * Validates path patterns with Spring's {@code PathPatternParser} where spring-web is
	 * present (a separate class so that the compiler loads without it).
	 */
	private static final class PathPatterns {

		static final boolean PRESENT = org.springframework.util.ClassUtils
			.isPresent("org.springframework.web.util.pattern.PathPatternParser", PathPatterns.class.getClassLoader());

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

	private static List<String> httpMethods(String path, @Nullable List<String> values) {
		List<String> result = new ArrayList<>();
		List<String> given = patterns(path, values);
		for (int i = 0; i < given.size(); i++) {
			String method = given.get(i).toUpperCase(Locale.ROOT);
			if (!HTTP_METHODS.contains(method)) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]",
						"unknown HTTP method '" + given.get(i) + "'; use one of " + String.join(", ", HTTP_METHODS));
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
						"must be a host name, exact or with a leading wildcard such as *.example.com, but was '" + host
								+ "'");
			}
			result.set(i, host.toLowerCase(Locale.ROOT));
		}
		return result;
	}

	private static Map<String, String> headers(String path, @Nullable Map<String, String> values) {
		if (values == null) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (name == null || name.isBlank()) {
				throw new InvalidChaosPropertyException(path, "header names must not be empty");
			}
			if (value == null) {
				throw new InvalidChaosPropertyException(path + "." + name, "must have a value");
			}
			result.put(name, value);
		});
		return result;
	}

	/**
	 * Find a public constructor taking {@code (String)}, {@code (String, Throwable)} or
	 * nothing, in that order of preference.
	 * @param type the exception type
	 * @return the constructor or {@code null}
	 */
	public static @Nullable Constructor<? extends Throwable> usableConstructor(Class<? extends Throwable> type) {
		for (Class<?>[] parameters : new Class<?>[][] { { String.class }, { String.class, Throwable.class }, {} }) {
			try {
				Constructor<? extends Throwable> constructor = type.getConstructor(parameters);
				if (Modifier.isPublic(constructor.getModifiers())) {
					return constructor;
				}
			}
			catch (NoSuchMethodException ex) {
				// try the next shape
			}
		}
		return null;
	}

}
