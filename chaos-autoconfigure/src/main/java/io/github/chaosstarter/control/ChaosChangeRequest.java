package io.github.chaosstarter.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change of the chaos state as a user writes it: the same names and structure as the
 * {@code chaos.*} properties (kebab-case or camelCase at every level), with raw values as
 * they arrive from a JSON body (strings, numbers, booleans, objects, lists). A top-level
 * key that is not given keeps its value; {@code null} clears an optional key
 * ({@code seed}); an assault mapped to {@code null} is removed.
 *
 * @param values the top-level keys and their values
 * @author Chaos Starter team
 */
public record ChaosChangeRequest(Map<String, @Nullable Object> values) {

	/**
	 * Create a new instance.
	 */
	public ChaosChangeRequest {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * Return a request that only switches chaos on or off.
	 * @param enabled whether chaos is on
	 * @return the request
	 */
	public static ChaosChangeRequest enabled(boolean enabled) {
		return new ChaosChangeRequest(Map.of("enabled", enabled));
	}

	/**
	 * Return a request that adds or replaces one assault.
	 * @param name the assault's name
	 * @param assault the assault's properties, e.g. {@code {"latency": {"min": "200ms"}}}
	 * @return the request
	 */
	public static ChaosChangeRequest assault(String name, Map<String, ?> assault) {
		Map<String, @Nullable Object> assaults = new LinkedHashMap<>();
		assaults.put(name, assault);
		return new ChaosChangeRequest(Map.of("assaults", assaults));
	}

	/**
	 * Return a request that removes one assault.
	 * @param name the assault's name
	 * @return the request
	 */
	public static ChaosChangeRequest removeAssault(String name) {
		Map<String, @Nullable Object> assaults = new LinkedHashMap<>();
		assaults.put(name, null);
		return new ChaosChangeRequest(Map.of("assaults", assaults));
	}

	/**
	 * Return whether the request changes nothing at all.
	 * @return {@code true} when no key is given
	 */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

}
