package io.github.chaosstarter.endpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.MediaType;

/**
 * Reads the JSON bodies of actuator write operations as maps whose values may be nested
 * objects and lists. Actuator declares the body as {@code Map<String, String>}, which
 * JSON libraries refuse to fill from nested objects; the {@code chaos} endpoint takes its
 * assaults as nested objects, with the structure of the {@code chaos.*} properties. Only
 * the bodies of actuator operation handlers are read this way; flat bodies read exactly
 * as before, and an endpoint that expects a string still gets a 400 for a nested value.
 *
 * @author Chaos Starter team
 */
final class OperationBodies {

	/**
	 * Key under which the whole parsed body is kept beside its top-level entries, for
	 * {@link ChaosOperationInvokerAdvisor}: not a Java identifier, so no operation
	 * parameter can be bound to it.
	 */
	static final String RAW_BODY = "chaos:raw-body";

	/** Largest body read. */
	static final int MAX_BODY_SIZE = 256 * 1024;

	private OperationBodies() {
	}

	/**
	 * Return whether a request body parameter belongs to an actuator operation handler
	 * (Spring MVC or WebFlux, Spring Boot 3.5 or 4).
	 * @param handlerClass the class declaring the handler method
	 * @return {@code true} for actuator operation handlers
	 */
	static boolean isOperationHandler(@Nullable Class<?> handlerClass) {
		if (handlerClass == null) {
			return false;
		}
		String name = handlerClass.getName();
		return name.startsWith("org.springframework.boot.") && (name.endsWith("EndpointHandlerMapping$OperationHandler")
				|| name.endsWith("EndpointHandlerMapping$WriteOperationHandler"));
	}

	/**
	 * Return whether a content type is JSON.
	 * @param mediaType the content type, or {@code null}
	 * @return {@code true} for {@code application/json} and {@code application/*+json}
	 */
	static boolean isJson(@Nullable MediaType mediaType) {
		return mediaType == null || MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)
				|| (mediaType.getSubtype().endsWith("+json") && "application".equals(mediaType.getType()));
	}

	/**
	 * Parse a body.
	 * @param body the body text
	 * @return the top-level object
	 * @throws IllegalArgumentException when the body is not a JSON object
	 */
	static Map<String, Object> parse(String body) {
		try {
			checkSingleObject(body);
			Map<String, Object> parsed = JsonParserFactory.getJsonParser().parseMap(body);
			if (parsed == null) {
				throw new IllegalArgumentException("it is null");
			}
			Map<String, Object> result = new LinkedHashMap<>(parsed);
			result.put(RAW_BODY, Collections.unmodifiableMap(parsed));
			return result;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalArgumentException("The body is not a JSON object: " + ex.getMessage(), ex);
		}
		catch (StackOverflowError ex) {
			throw new IllegalArgumentException("The body is nested too deeply");
		}
	}

	/**
	 * Refuse anything after the top-level object: not every JSON library does (Jackson 2
	 * stops reading after the first value), and a second object must not be dropped
	 * silently.
	 */
	private static void checkSingleObject(String body) {
		int start = 0;
		while (start < body.length() && Character.isWhitespace(body.charAt(start))) {
			start++;
		}
		if (start == body.length() || body.charAt(start) != '{') {
			return;
		}
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < body.length(); i++) {
			char c = body.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if ((c == '}' || c == ']') && --depth == 0) {
				if (!body.substring(i + 1).isBlank()) {
					throw new IllegalArgumentException("there is more after the object ending at character " + (i + 1));
				}
				return;
			}
		}
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

}
