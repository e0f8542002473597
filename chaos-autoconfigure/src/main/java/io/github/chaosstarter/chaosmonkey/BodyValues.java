package io.github.chaosstarter.chaosmonkey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Reads the values of a Chaos Monkey for Spring Boot body as its own endpoint (Jackson
 * binding its DTOs) would accept them: booleans and numbers also as strings, {@code null}
 * meaning "unchanged". Anything else is refused naming the field, as the {@code chaos}
 * endpoint does.
 *
 * @author Chaos Starter team
 */
final class BodyValues {

	private BodyValues() {
	}

	static @Nullable Boolean bool(String field, @Nullable Object value) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		if (value instanceof String text) {
			String trimmed = text.trim().toLowerCase(Locale.ROOT);
			if (trimmed.equals("true") || trimmed.equals("false")) {
				return Boolean.valueOf(trimmed);
			}
		}
		throw new InvalidChaosPropertyException(field, "must be true or false but was " + shown(value));
	}

	static @Nullable Integer integer(String field, @Nullable Object value, int min, int max) {
		if (value == null) {
			return null;
		}
		long number;
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof Number decimal && decimal.doubleValue() == Math.rint(decimal.doubleValue())
				&& Math.abs(decimal.doubleValue()) < 1e15) {
			number = decimal.longValue();
		}
		else if (value instanceof String text && text.trim().matches("-?\\d{1,15}")) {
			number = Long.parseLong(text.trim());
		}
		else {
			throw new InvalidChaosPropertyException(field, "must be a whole number but was " + shown(value));
		}
		if (number < min || number > max) {
			throw new InvalidChaosPropertyException(field,
					"must be between " + min + " and " + max + " but was " + number);
		}
		return (int) number;
	}

	static @Nullable Double fraction(String field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		double number;
		if (value instanceof Number given) {
			number = given.doubleValue();
		}
		else if (value instanceof String text) {
			try {
				number = Double.parseDouble(text.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidChaosPropertyException(field, "must be a number but was " + shown(value));
			}
		}
		else {
			throw new InvalidChaosPropertyException(field, "must be a number but was " + shown(value));
		}
		if (!(number >= 0.0 && number <= 1.0)) {
			throw new InvalidChaosPropertyException(field, "must be between 0.0 and 1.0 but was " + number);
		}
		return number;
	}

	static @Nullable String text(String field, @Nullable Object value) {
		if (value == null || value instanceof String) {
			String text = (String) value;
			if (text != null && text.length() > 500) {
				throw new InvalidChaosPropertyException(field, "is longer than 500 characters");
			}
			return text;
		}
		throw new InvalidChaosPropertyException(field, "must be a string but was " + shown(value));
	}

	static @Nullable List<String> texts(String field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Collection<?> values)) {
			throw new InvalidChaosPropertyException(field, "must be a list of strings but was " + shown(value));
		}
		if (values.size() > 100) {
			throw new InvalidChaosPropertyException(field, "has more than 100 entries");
		}
		List<String> result = new ArrayList<>();
		int index = 0;
		for (Object element : values) {
			String text = text(field + "[" + index++ + "]", element);
			if (text == null) {
				throw new InvalidChaosPropertyException(field + "[" + (index - 1) + "]", "must not be null");
			}
			result.add(text);
		}
		return List.copyOf(result);
	}

	static @Nullable Map<?, ?> object(String field, @Nullable Object value) {
		if (value == null || value instanceof Map) {
			return (Map<?, ?>) value;
		}
		throw new InvalidChaosPropertyException(field, "must be a JSON object but was " + shown(value));
	}

	/**
	 * Refuse any key not in the list, naming it and the valid ones.
	 */
	static void known(String prefix, Map<?, ?> body, Collection<String> keys) {
		for (Object key : body.keySet()) {
			if (!keys.contains(String.valueOf(key))) {
				String name = abbreviate(String.valueOf(key));
				throw new InvalidChaosPropertyException(prefix + name,
						"is not a Chaos Monkey for Spring Boot setting this endpoint knows; use one of " + keys);
			}
		}
	}

	static String shown(@Nullable Object value) {
		if (value instanceof String text) {
			return "'" + abbreviate(text) + "'";
		}
		return (value instanceof Map) ? "an object"
				: (value instanceof Collection) ? "a list" : abbreviate(String.valueOf(value));
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

}
