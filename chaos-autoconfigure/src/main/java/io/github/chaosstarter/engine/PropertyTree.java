package io.github.chaosstarter.engine;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * The names and types of the {@code chaos.*} properties, read from the properties
 * classes: what a change is checked against, and where the nearest valid name of a
 * misspelt one comes from.
 *
 * @author Chaos Starter team
 */
final class PropertyTree {

	private static final Map<Class<?>, Map<String, Property>> PROPERTIES = new ConcurrentHashMap<>();

	private PropertyTree() {
	}

	/**
	 * Suggest the valid property nearest to a misspelt one, following the properties
	 * classes down the given name (kebab-case, map keys as given).
	 * @param name the full name, e.g. {@code chaos.assaults.x.probabilty}
	 * @return the nearest valid full name, or {@code null}
	 */
	static @Nullable String suggest(String name) {
		String[] parts = name.split("\\.");
		if (parts.length < 2 || !parts[0].equals("chaos")) {
			return null;
		}
		StringBuilder result = new StringBuilder("chaos");
		Class<?> type = ChaosProperties.class;
		for (int i = 1; i < parts.length; i++) {
			Map<String, Property> properties = properties(type);
			Property property = properties.get(kebab(parts[i]));
			if (property == null) {
				String nearest = nearest(kebab(parts[i]), properties.keySet());
				return (nearest != null) ? result.append('.').append(nearest).toString() : null;
			}
			result.append('.').append(property.name());
			Type next = property.type();
			Class<?> raw = raw(next);
			if (Map.class.isAssignableFrom(raw) && i + 1 < parts.length) {
				result.append('.').append(parts[++i]);
				next = argument(next, 1);
				raw = raw(next);
			}
			if (!isBean(raw)) {
				return null;
			}
			type = raw;
		}
		return null;
	}

	/**
	 * Return the valid name closest to the given one, or {@code null} when none is close.
	 * @param name the given name, in kebab-case
	 * @param valid the valid names
	 * @return the nearest valid name or {@code null}
	 */
	static @Nullable String nearest(String name, Iterable<String> valid) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : valid) {
			int distance = distance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(2, best.length() / 3)) ? best : null;
	}

	private static int distance(String a, String b) {
		if (a.length() > 100) {
			return Integer.MAX_VALUE;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Turn a camelCase name into the kebab-case of the properties; kebab-case stays.
	 * @param key the key as given
	 * @return the kebab-case name
	 */
	static String kebab(String key) {
		StringBuilder result = new StringBuilder(key.length() + 4);
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && key.charAt(i - 1) != '-') {
					result.append('-');
				}
				result.append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	static Map<String, Property> properties(Class<?> type) {
		return PROPERTIES.computeIfAbsent(type, PropertyTree::introspect);
	}

	private static Map<String, Property> introspect(Class<?> type) {
		Map<String, Property> result = new LinkedHashMap<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			Method getter = descriptor.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			boolean nullable = getter.getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
			String name = kebab(descriptor.getName());
			result.put(name, new Property(name, getter.getGenericReturnType(), nullable));
		}
		return Collections.unmodifiableMap(result);
	}

	static boolean isBean(Class<?> type) {
		return type.getDeclaringClass() == ChaosProperties.class;
	}

	static Class<?> raw(Type type) {
		if (type instanceof Class<?> clazz) {
			return clazz;
		}
		return (Class<?>) ((ParameterizedType) type).getRawType();
	}

	static Type argument(Type type, int index) {
		return ((ParameterizedType) type).getActualTypeArguments()[index];
	}

	/**
	 * One property of a properties class.
	 *
	 * @param name kebab-case name
	 * @param type generic type of the getter
	 * @param nullable whether {@code null} is a meaningful value
	 */
	record Property(String name, Type type, boolean nullable) {
	}

}
