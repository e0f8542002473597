package io.github.chaosstarter.engine;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * Checks a change, as the JSON tree it arrives in, against the shape of the
 * {@code chaos.*} properties classes before anything is bound: binding alone cannot tell
 * {@code {}}, {@code null}, {@code []} and a list written as an object apart, and would
 * drop what it does not know. Every key is looked up in kebab-case or camelCase; an
 * unknown key is refused with the nearest valid name; a value of the wrong shape (an
 * object where a single value belongs, a list where an object belongs) is refused; a
 * {@code null} is accepted only where it removes or clears something; and an empty object
 * or list never widens a target. Scalar values are left for the binder to convert,
 * exactly as from {@code application.yml}.
 *
 * @author Chaos Starter team
 */
final class ChangeShape {

	/** Top-level keys that exist but are read at startup only. */
	static final Set<String> STARTUP_ONLY = Set.of("watch", "allow-kill", "chaos-monkey-api", "propagate-headers",
			"fleet");

	/** Keys whose {@code null} value clears the property. */
	private static final Set<String> CLEARABLE = Set.of("chaos.seed");

	/** Classes of target conditions: given empty, they would widen the target. */
	private static final Set<Class<?>> CONDITIONS = Set.of(ChaosProperties.Target.class, ChaosProperties.Http.class,
			ChaosProperties.Client.class, ChaosProperties.Jdbc.class, ChaosProperties.Cache.class,
			ChaosProperties.Redis.class, ChaosProperties.Kafka.class, ChaosProperties.Rabbit.class);

	static final int MAX_DEPTH = 10;

	static final int MAX_ENTRIES = 200;

	private ChangeShape() {
	}

	/**
	 * Check a whole change.
	 * @param change the posted change, top-level keys as in {@code chaos.*}
	 * @return the change with every key in kebab-case, {@code null} values kept
	 * @throws InvalidChaosPropertyException when the change does not fit the properties
	 */
	static Map<String, @Nullable Object> check(Map<?, ?> change) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		Map<String, PropertyTree.Property> properties = PropertyTree.properties(ChaosProperties.class);
		for (Map.Entry<?, ?> entry : change.entrySet()) {
			String key = String.valueOf(entry.getKey());
			String name = PropertyTree.kebab(key);
			if (STARTUP_ONLY.contains(name)) {
				throw new InvalidChaosPropertyException("chaos." + name,
						"is read at startup only and cannot be changed at runtime; set it in the application's configuration");
			}
			PropertyTree.Property property = properties.get(name);
			if (property == null) {
				throw unknown("chaos", key, runtimeKeys(properties));
			}
			result.put(name, value("chaos." + name, property, entry.getValue(), 1));
		}
		return result;
	}

	private static Set<String> runtimeKeys(Map<String, PropertyTree.Property> properties) {
		Set<String> keys = new java.util.TreeSet<>(properties.keySet());
		keys.removeAll(STARTUP_ONLY);
		return keys;
	}

	private static @Nullable Object value(String path, PropertyTree.Property property, @Nullable Object value,
			int depth) {
		if (value == null) {
			if (property.nullable() || CLEARABLE.contains(path)) {
				return null;
			}
			throw new InvalidChaosPropertyException(path, "must not be null; leave it out to keep its current value");
		}
		return shaped(path, property.type(), value, depth);
	}

	private static Object shaped(String path, Type type, Object value, int depth) {
		if (depth > MAX_DEPTH) {
			throw new InvalidChaosPropertyException(path, "is nested too deeply to be a chaos property");
		}
		Class<?> raw = PropertyTree.raw(type);
		if (List.class.isAssignableFrom(raw)) {
			return list(path, PropertyTree.argument(type, 0), value, depth);
		}
		if (Map.class.isAssignableFrom(raw)) {
			return map(path, PropertyTree.argument(type, 1), value, depth);
		}
		if (PropertyTree.isBean(raw)) {
			return bean(path, raw, value, depth);
		}
		if (value instanceof Map || value instanceof List) {
			throw new InvalidChaosPropertyException(path,
					"must be a single value (" + describe(raw) + "), not " + kind(value));
		}
		if (raw != String.class && value instanceof String text && text.isBlank()) {
			throw new InvalidChaosPropertyException(path, "must not be empty; give " + describe(raw)
					+ (CLEARABLE.contains(path) ? ", or null to clear it" : ", or leave it out to keep its value"));
		}
		return value;
	}

	private static Map<String, @Nullable Object> bean(String path, Class<?> type, Object value, int depth) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidChaosPropertyException(path, "must be an object but was " + kind(value));
		}
		if (map.isEmpty() && CONDITIONS.contains(type)) {
			throw new InvalidChaosPropertyException(path, "must name at least one condition: an empty " + last(path)
					+ " would attack everything; leave it out instead");
		}
		entries(path, map);
		Map<String, PropertyTree.Property> properties = PropertyTree.properties(type);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			PropertyTree.Property property = properties.get(PropertyTree.kebab(key));
			if (property == null) {
				throw unknown(path, key, properties.keySet());
			}
			result.put(property.name(), value(path + "." + property.name(), property, entry.getValue(), depth + 1));
		}
		return result;
	}

	private static List<Object> list(String path, Type element, Object value, int depth) {
		if (value instanceof Map) {
			throw new InvalidChaosPropertyException(path, "must be a list, not an object");
		}
		if (!(value instanceof List<?> list)) {
			// a single value binds as in application.yml: comma-separated, or one element
			return list(path, element, split(path, value), depth);
		}
		if (list.isEmpty()) {
			throw new InvalidChaosPropertyException(path,
					path.startsWith("chaos.expect.") ? "must not be empty; leave it out instead"
							: "must not be empty: an empty list would widen the target; leave it out instead");
		}
		if (list.size() > MAX_ENTRIES) {
			throw new InvalidChaosPropertyException(path, "has more than " + MAX_ENTRIES + " entries");
		}
		List<Object> result = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			if (item == null) {
				throw new InvalidChaosPropertyException(path + "[" + i + "]", "must not be null");
			}
			result.add(shaped(path + "[" + i + "]", element, item, depth + 1));
		}
		return Collections.unmodifiableList(result);
	}

	private static List<?> split(String path, Object value) {
		if (!(value instanceof String text)) {
			return List.of(value);
		}
		List<String> items = new ArrayList<>();
		for (String item : text.split(",", -1)) {
			String trimmed = item.trim();
			if (trimmed.isEmpty()) {
				throw new InvalidChaosPropertyException(path, "'" + abbreviate(text)
						+ "' has an empty entry; give a list, or values separated by single commas");
			}
			items.add(trimmed);
		}
		return items;
	}

	private static Map<String, @Nullable Object> map(String path, Type valueType, Object value, int depth) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidChaosPropertyException(path,
					"must be an object of names to values but was " + kind(value));
		}
		boolean assaults = PropertyTree.isBean(PropertyTree.raw(valueType));
		if (map.isEmpty() && !assaults) {
			throw new InvalidChaosPropertyException(path,
					"must not be empty: an empty " + last(path) + " would widen the target; leave it out instead");
		}
		entries(path, map);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (assaults) {
				SpecCompiler.checkName(key);
			}
			else {
				TargetCompiler.checkHeaderName(path, key);
			}
			Object item = entry.getValue();
			if (item == null) {
				if (!assaults) {
					throw new InvalidChaosPropertyException(path + "." + key, "must have a value");
				}
				result.put(key, null);
				continue;
			}
			result.put(key, shaped(path + "." + key, valueType, item, depth + 1));
		}
		return result;
	}

	private static void entries(String path, Map<?, ?> map) {
		if (map.size() > MAX_ENTRIES) {
			throw new InvalidChaosPropertyException(path, "has more than " + MAX_ENTRIES + " entries");
		}
	}

	private static InvalidChaosPropertyException unknown(String path, String key, Set<String> valid) {
		String name = PropertyTree.kebab(key);
		String nearest = PropertyTree.nearest(name, valid);
		String hint = (nearest != null) ? "did you mean '" + nearest + "'?" : "valid names are " + valid;
		return new InvalidChaosPropertyException(path + "." + abbreviate(key),
				"is not a known property; " + hint + " (names as in the chaos.* properties, kebab-case or camelCase)");
	}

	private static String describe(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == Duration.class) {
			return "a duration such as 200ms or 2s";
		}
		if (type == String.class) {
			return "a string";
		}
		return "a number";
	}

	private static String kind(Object value) {
		if (value instanceof Map) {
			return "an object";
		}
		if (value instanceof List) {
			return "a list";
		}
		return "'" + abbreviate(String.valueOf(value)) + "'";
	}

	private static String last(String path) {
		return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

}
