package io.github.chaosstarter.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * The exception of Chaos Monkey for Spring Boot's exception assault: {@code exception}
 * (its own name) or {@code exceptions} (as LitmusChaos sends it), with the class in
 * {@code type} or {@code className} (older documentation) and the constructor arguments
 * in {@code arguments}. Empty strings mean its default,
 * {@code java.lang.RuntimeException("Chaos Monkey - RuntimeException")}; the only
 * argument with an equivalent is one {@code java.lang.String}, the message. A static
 * factory ({@code method}) is refused: no class's methods are invoked from a request.
 *
 * @param type the exception class
 * @param message the message, or {@code null} for the assault's default
 * @author Chaos Starter team
 */
record ExceptionSetting(String type, @Nullable String message) {

	static final String DEFAULT_TYPE = "java.lang.RuntimeException";

	static final ExceptionSetting DEFAULT = new ExceptionSetting(DEFAULT_TYPE, "Chaos Monkey - RuntimeException");

	private static final List<String> KEYS = List.of("type", "className", "method", "arguments");

	private static final List<String> ARGUMENT_KEYS = List.of("className", "value");

	/**
	 * Read an exception setting.
	 * @param field the field it was given in, {@code exception} or {@code exceptions}
	 * @param body its value
	 * @return the setting
	 * @throws InvalidChaosPropertyException naming the field when it is refused
	 */
	static ExceptionSetting of(String field, Map<?, ?> body) {
		BodyValues.known(field + ".", body, KEYS);
		String type = given(BodyValues.text(field + ".type", body.get("type")));
		String className = given(BodyValues.text(field + ".className", body.get("className")));
		if (type != null && className != null && !type.equals(className)) {
			throw new InvalidChaosPropertyException(field + ".className",
					"names another class than " + field + ".type; give one of them");
		}
		if (given(BodyValues.text(field + ".method", body.get("method"))) != null) {
			throw new InvalidChaosPropertyException(field + ".method",
					"is refused: this endpoint constructs the exception and invokes no other method");
		}
		String message = message(field + ".arguments", body.get("arguments"));
		String resolved = (type != null) ? type : className;
		if (resolved == null) {
			return (message != null) ? new ExceptionSetting(DEFAULT_TYPE, message) : DEFAULT;
		}
		return new ExceptionSetting(resolved, message);
	}

	private static @Nullable String message(String field, @Nullable Object arguments) {
		if (arguments == null) {
			return null;
		}
		if (!(arguments instanceof List<?> list)) {
			throw new InvalidChaosPropertyException(field, "must be a list but was " + BodyValues.shown(arguments));
		}
		String message = null;
		for (int i = 0; i < list.size(); i++) {
			String path = field + "[" + i + "]";
			Map<?, ?> argument = BodyValues.object(path, list.get(i));
			if (argument == null) {
				throw new InvalidChaosPropertyException(path, "must not be null");
			}
			BodyValues.known(path + ".", argument, ARGUMENT_KEYS);
			String className = given(BodyValues.text(path + ".className", argument.get("className")));
			String value = BodyValues.text(path + ".value", argument.get("value"));
			if (className == null && (value == null || value.isEmpty())) {
				// LitmusChaos sends [{"className": "", "value": ""}] for "no arguments"
				continue;
			}
			if (!"java.lang.String".equals(className) && !"String".equals(className)) {
				throw new InvalidChaosPropertyException(path + ".className",
						"must be java.lang.String, the exception's message: no other constructor argument has an "
								+ "equivalent");
			}
			if (message != null) {
				throw new InvalidChaosPropertyException(path, "is a second argument; only the message is accepted");
			}
			message = (value != null) ? value : "";
		}
		return message;
	}

	private static @Nullable String given(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/**
	 * Describe the setting as Chaos Monkey for Spring Boot shows it.
	 * @return the type and arguments
	 */
	Map<String, Object> describe() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", this.type);
		result.put("arguments", (this.message != null)
				? List.of(Map.of("className", "java.lang.String", "value", this.message)) : List.of());
		return result;
	}

}
