package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
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

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * Turns a change, checked by {@link ChangeShape}, into the specification it leads to.
 * Values are bound with Spring Boot's {@link Binder} into the {@link ChaosProperties}
 * classes exactly as {@code chaos.*} properties are (the same conversions), over the
 * current values, and compiled by the {@link SpecCompiler} that checks the configuration
 * at startup, so a value that fails startup fails a change the same way. Nothing changes
 * until the whole new specification is built.
 * <p>
 * Merge rules: a top-level value that is not given stays; {@code seed: null} clears the
 * seed; an assault given replaces the assault of that name; an assault given as
 * {@code null} is removed; other assaults stay.
 *
 * @author Chaos Starter team
 */
final class ChangeBinder {

	private static final String PREFIX = "chaos";

	private static final Pattern BRACKETED_ASSAULT = Pattern.compile("^chaos\\.assaults\\[([^\\]]*)\\]");

	private final SpecCompiler compiler;

	ChangeBinder(SpecCompiler compiler) {
		this.compiler = compiler;
	}

	/**
	 * Check a change and return the specification it leads to.
	 * @param current the current specification
	 * @param given the change as posted, top-level keys as in {@code chaos.*}
	 * @return the merged and validated specification
	 * @throws InvalidChaosPropertyException when the change is invalid
	 */
	ChaosSpec merge(ChaosSpec current, Map<String, @Nullable Object> given) {
		Map<String, @Nullable Object> change = ChangeShape.check(given);
		if (change.isEmpty()) {
			throw new InvalidChaosPropertyException(PREFIX,
					"the change names none of enabled, duration, dry-run, seed, guard, hypothesis, expect or assaults");
		}
		ChaosProperties properties = SpecProperties.properties(current);
		if (change.containsKey("expect")) {
			// an expect given replaces the one in force; null removes it
			properties.setExpect((change.get("expect") != null) ? new ChaosProperties.Expect() : null);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		change.forEach((key, value) -> {
			if (!key.equals("assaults")) {
				flatten(values, PREFIX + "." + key, value);
			}
		});
		bind(values, PREFIX, Bindable.ofInstance(properties));
		if (change.containsKey("seed") && change.get("seed") == null) {
			properties.setSeed(null);
		}
		clearHypothesis(change, properties);
		Duration duration = this.compiler.duration("chaos.duration", properties.getDuration());
		ChaosSpec.GuardSpec guard = this.compiler.guard("chaos.guard", properties.getGuard());
		ChaosSpec.HypothesisSpec hypothesis = this.compiler.hypothesis("chaos.hypothesis", properties.getHypothesis());
		Map<String, AssaultSpec> assaults = new LinkedHashMap<>(current.assaults());
		if (change.get("assaults") instanceof Map<?, ?> changed) {
			changed.forEach((key, value) -> {
				String name = String.valueOf(key);
				if (value == null) {
					assaults.remove(name);
				}
				else {
					assaults.put(name, this.compiler.assault(name, assault(name, (Map<?, ?>) value)));
				}
			});
		}
		SpecCompiler.count(assaults);
		return new ChaosSpec(properties.isEnabled(), properties.isDryRun(), properties.getSeed(), duration, guard,
				hypothesis, DependencyNames.expect("chaos.expect", properties.getExpect()), assaults);
	}

	/**
	 * A {@code null} hypothesis removes it; a {@code null} figure in it clears that
	 * figure; an empty object means a hypothesis with its defaults.
	 */
	private static void clearHypothesis(Map<String, @Nullable Object> change, ChaosProperties properties) {
		if (!change.containsKey("hypothesis")) {
			return;
		}
		if (!(change.get("hypothesis") instanceof Map<?, ?> given)) {
			properties.setHypothesis(null);
			return;
		}
		ChaosProperties.Hypothesis hypothesis = properties.getHypothesis();
		if (hypothesis == null) {
			hypothesis = new ChaosProperties.Hypothesis();
			properties.setHypothesis(hypothesis);
		}
		if (given.containsKey("max-error-rate") && given.get("max-error-rate") == null) {
			hypothesis.setMaxErrorRate(null);
		}
		if (given.containsKey("max-latency") && given.get("max-latency") == null) {
			hypothesis.setMaxLatency(null);
		}
	}

	private static ChaosProperties.Assault assault(String name, Map<?, ?> given) {
		String path = SpecCompiler.ASSAULTS + "[" + name + "]";
		Map<String, Object> values = new LinkedHashMap<>();
		flatten(values, path, given);
		ChaosProperties.Assault assault = bind(values, path, Bindable.of(ChaosProperties.Assault.class));
		assault = (assault != null) ? assault : new ChaosProperties.Assault();
		defaultEmptyObjects(given, assault);
		return assault;
	}

	/**
	 * An object given empty ({@code "exception": {}}) means that object with its
	 * defaults; binding alone would see no property, and no effect at all.
	 */
	private static void defaultEmptyObjects(Map<?, ?> given, Object target) {
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(target);
		given.forEach((key, value) -> {
			String property = camel(String.valueOf(key));
			if (!(value instanceof Map<?, ?> map) || !wrapper.isWritableProperty(property)) {
				return;
			}
			Object current = wrapper.getPropertyValue(property);
			if (current == null && map.isEmpty()) {
				wrapper.setPropertyValue(property, BeanUtils.instantiateClass(wrapper.getPropertyType(property)));
			}
			else if (current != null && !(current instanceof Map)) {
				defaultEmptyObjects(map, current);
			}
		});
	}

	private static String camel(String kebab) {
		StringBuilder result = new StringBuilder(kebab.length());
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}

	private static void flatten(Map<String, Object> values, String name, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			// names are checked by ChangeShape: free keys (headers) go in brackets
			boolean freeKeys = name.endsWith(".http.headers");
			map.forEach((key, child) -> flatten(values, freeKeys ? name + "[" + key + "]" : name + "." + key, child));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(values, name + "[" + i + "]", list.get(i));
			}
		}
		else {
			values.put(name, String.valueOf(value));
		}
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
			throw new InvalidChaosPropertyException(display(name),
					"cannot be read: " + SpecCompiler.abbreviate(String.valueOf(ex.getMessage())));
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
		String value = (property != null) ? SpecCompiler.abbreviate(String.valueOf(property.getValue())) : null;
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

	/**
	 * Turn a bound name such as {@code chaos.assaults[x].probability} into the property
	 * name a user writes, {@code chaos.assaults.x.probability}.
	 */
	private static String display(String name) {
		Matcher matcher = BRACKETED_ASSAULT.matcher(name);
		return matcher.find() ? SpecCompiler.ASSAULTS + "." + matcher.group(1) + name.substring(matcher.end()) : name;
	}

}
