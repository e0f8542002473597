package io.github.chaosstarter.control;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.ResolvableType;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.config.ChaosSpec.GuardSpec;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.config.InvalidChaosPropertyException;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;

/**
 * Applies a {@link ChaosChangeRequest} to the running chaos state: the one path that both
 * the {@code chaos} endpoint and the {@code Chaos} API take. Values are bound with Spring
 * Boot's {@link Binder} exactly as {@code chaos.*} properties are (relaxed names, the
 * same conversions, unknown keys refused) and validated by the runtime's
 * {@link ChaosSpecCompiler}, the code that checks the configuration at startup. The whole
 * new specification is built before anything changes, so a change applies completely or
 * not at all. Kill assaults are only accepted when the application's own configuration
 * sets {@code chaos.allow-kill=true}: that setting comes from the compiler and can never
 * be changed here.
 * <p>
 * Merge rules: a top-level value that is not given stays; an assault given replaces the
 * assault of that name; an assault given as {@code null} is removed; other assaults stay.
 *
 * @author Chaos Starter team
 */
public class ChaosUpdater {

	private static final String PREFIX = "chaos";

	private static final String ASSAULTS = "chaos.assaults";

	private static final int MAX_DEPTH = 10;

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	private static final Pattern BRACKETED_ASSAULT = Pattern.compile("^chaos\\.assaults\\[([^\\]]*)\\]");

	private final ChaosRuntime runtime;

	/**
	 * Create a new updater.
	 * @param runtime the runtime whose state is changed
	 */
	public ChaosUpdater(ChaosRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Return the runtime whose state is changed.
	 * @return the runtime
	 */
	public ChaosRuntime runtime() {
		return this.runtime;
	}

	/**
	 * Validate a change and put it in place.
	 * @param request the change
	 * @param actor who makes it: a principal's name, {@code endpoint} or {@code api}
	 * @param description how the change arrived, e.g. {@code POST /actuator/chaos}
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the change is invalid; nothing changed
	 * then
	 */
	public ChaosState apply(ChaosChangeRequest request, String actor, String description) {
		Map<String, @Nullable Object> change = ChangeShape.check(request.values());
		if (change.isEmpty()) {
			throw new InvalidChaosPropertyException(PREFIX,
					"the change names none of enabled, duration, dry-run, seed, guard or assaults");
		}
		return this.runtime.update((current) -> merge(current, change), actor, description);
	}

	/**
	 * Validate a change and return the specification it leads to, without applying it.
	 * @param current the current specification
	 * @param request the change
	 * @return the merged and validated specification
	 * @throws InvalidChaosPropertyException when the change is invalid
	 */
	public ChaosSpec merge(ChaosSpec current, ChaosChangeRequest request) {
		return merge(current, ChangeShape.check(request.values()));
	}

	private ChaosSpec merge(ChaosSpec current, Map<String, @Nullable Object> change) {
		ChaosSpecCompiler compiler = this.runtime.compiler();
		ChaosProperties properties = new ChaosProperties();
		properties.setEnabled(current.enabled());
		properties.setDryRun(current.dryRun());
		properties.setSeed(current.seed());
		properties.setDuration(current.duration());
		properties.getGuard().setMaxErrorRate(current.guard().maxErrorRate());
		properties.getGuard().setWindow(current.guard().window());
		Map<String, Object> values = new LinkedHashMap<>();
		change.forEach((key, value) -> {
			if (!key.equals("assaults")) {
				flatten(values, PREFIX + "." + key, value, 1);
			}
		});
		bind(values, PREFIX, Bindable.ofInstance(properties));
		if (change.containsKey("seed") && change.get("seed") == null) {
			properties.setSeed(null);
		}
		Duration duration = compiler.duration("chaos.duration", properties.getDuration());
		GuardSpec guard = compiler.guard("chaos.guard", properties.getGuard());
		Map<String, AssaultSpec> assaults = new LinkedHashMap<>(current.assaults());
		if (change.get("assaults") instanceof Map<?, ?> given) {
			given.forEach((key, value) -> {
				String name = String.valueOf(key);
				if (!NAME.matcher(name).matches()) {
					throw new InvalidChaosPropertyException(ASSAULTS + "." + ChangeShape.abbreviate(name),
							"an assault name has 1 to 100 letters, digits, '-' or '_'");
				}
				if (value == null) {
					assaults.remove(name);
				}
				else {
					assaults.put(name, assault(compiler, name, value));
				}
			});
		}
		return new ChaosSpec(properties.isEnabled(), properties.isDryRun(), properties.getSeed(), duration, guard,
				assaults);
	}

	private AssaultSpec assault(ChaosSpecCompiler compiler, String name, Object value) {
		String path = ASSAULTS + "[" + name + "]";
		Map<?, ?> given = object(ASSAULTS + "." + name, value);
		Map<String, Object> values = new LinkedHashMap<>();
		flatten(values, path, given, 1);
		ChaosProperties.Assault assault = bind(values, path, Bindable.of(ChaosProperties.Assault.class));
		assault = (assault != null) ? assault : new ChaosProperties.Assault();
		applyEmptyEffects(given, assault);
		return compiler.assault(ASSAULTS, name, assault);
	}

	/**
	 * An effect given as an empty object ({@code "exception": {}}) means that effect with
	 * its defaults; binding alone would see no property and no effect at all.
	 */
	private static void applyEmptyEffects(Map<?, ?> given, ChaosProperties.Assault assault) {
		given.forEach((key, value) -> {
			if (!(value instanceof Map<?, ?> map) || !map.isEmpty()) {
				return;
			}
			switch (String.valueOf(key)) {
				case "exception" -> {
					if (assault.getException() == null) {
						assault.setException(new ChaosProperties.ExceptionEffect());
					}
				}
				case "latency" -> {
					if (assault.getLatency() == null) {
						assault.setLatency(new ChaosProperties.Latency());
					}
				}
				case "error-response", "errorResponse" -> {
					if (assault.getErrorResponse() == null) {
						assault.setErrorResponse(new ChaosProperties.ErrorResponse());
					}
				}
				case "kill" -> {
					if (assault.getKill() == null) {
						assault.setKill(new ChaosProperties.Kill());
					}
				}
				default -> {
				}
			}
		});
	}

	private static <T> @Nullable T bind(Map<String, Object> values, String name, Bindable<T> target) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(values);
		Binder binder = new Binder(source);
		BindHandler handler = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
		try {
			return binder.bind(ConfigurationPropertyName.of(name), target, handler).orElse(null);
		}
		catch (BindException ex) {
			throw invalid(ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// input the binder cannot even read is still bad input, never a server error
			throw new InvalidChaosPropertyException(display(name), "cannot be read: " + ex.getMessage());
		}
	}

	private static InvalidChaosPropertyException invalid(BindException ex) {
		if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound
				&& !unbound.getUnboundProperties().isEmpty()) {
			ConfigurationProperty first = unbound.getUnboundProperties().iterator().next();
			return new InvalidChaosPropertyException(display(first.getName().toString()),
					"is not a known property; check the spelling (names as in the chaos.* properties, kebab-case or camelCase)");
		}
		ConfigurationProperty property = ex.getProperty();
		String value = (property != null) ? abbreviate(String.valueOf(property.getValue())) : null;
		String expected = describe(ex.getTarget().getType());
		String reason = (value != null) ? "cannot convert '" + value + "' to " + expected : "must be " + expected;
		return new InvalidChaosPropertyException(display(ex.getName().toString()), reason);
	}

	private static String describe(ResolvableType type) {
		Class<?> resolved = type.resolve();
		if (resolved == null) {
			return "the expected type";
		}
		if (resolved == double.class || resolved == Double.class) {
			return "a number";
		}
		if (resolved == long.class || resolved == Long.class || resolved == int.class || resolved == Integer.class) {
			return "a whole number in range";
		}
		if (resolved == boolean.class || resolved == Boolean.class) {
			return "true or false";
		}
		if (resolved == Duration.class) {
			return "a duration such as 200ms, 2s or PT2S";
		}
		if (List.class.isAssignableFrom(resolved)) {
			return "a list";
		}
		if (Map.class.isAssignableFrom(resolved) || resolved.getName().startsWith("io.github.chaosstarter")) {
			return "an object";
		}
		return resolved.getSimpleName();
	}

	private static Map<?, ?> object(String name, Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidChaosPropertyException(name,
					"must be an object but was '" + abbreviate(String.valueOf(value)) + "'");
		}
		return map;
	}

	private static void flatten(Map<String, Object> values, String name, @Nullable Object value, int depth) {
		if (depth > MAX_DEPTH) {
			throw new InvalidChaosPropertyException(display(name), "is nested too deeply to be a chaos property");
		}
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			boolean freeKeys = name.endsWith(".http.headers");
			map.forEach((key, child) -> {
				String childKey = String.valueOf(key);
				if (freeKeys) {
					if (childKey.isEmpty() || childKey.indexOf('[') >= 0 || childKey.indexOf(']') >= 0) {
						throw new InvalidChaosPropertyException(display(name),
								"'" + abbreviate(childKey) + "' is not a valid header name");
					}
					if (child instanceof Map || child instanceof List) {
						throw new InvalidChaosPropertyException(display(name) + "." + childKey,
								"must be a single value");
					}
					flatten(values, name + "[" + childKey + "]", child, depth + 1);
				}
				else {
					if (!KEY.matcher(childKey).matches()) {
						throw new InvalidChaosPropertyException(display(name) + "." + abbreviate(childKey),
								"is not a known property; check the spelling");
					}
					flatten(values, name + "." + childKey, child, depth + 1);
				}
			});
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Object element = list.get(i);
				if (element == null) {
					throw new InvalidChaosPropertyException(display(name) + "[" + i + "]", "must not be null");
				}
				flatten(values, name + "[" + i + "]", element, depth + 1);
			}
		}
		else {
			values.put(name, String.valueOf(value));
		}
	}

	/**
	 * Turn a bound name such as {@code chaos.assaults[x].probability} into the property
	 * name a user writes, {@code chaos.assaults.x.probability}.
	 */
	private static String display(String name) {
		Matcher matcher = BRACKETED_ASSAULT.matcher(name);
		return matcher.find() ? ASSAULTS + "." + matcher.group(1) + name.substring(matcher.end()) : name;
	}

	private static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

}
