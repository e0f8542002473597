package io.github.chaosstarter.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change of the chaos state as a user writes it: the same names and structure as the
 * {@code chaos.*} properties, with raw values as they arrive from a JSON body (strings,
 * numbers, booleans, maps, lists). A {@code null} top-level value means "keep the current
 * value"; an assault mapped to {@code null} is removed.
 *
 * @param enabled new value of {@code chaos.enabled}, or {@code null}
 * @param duration new value of {@code chaos.duration}, or {@code null}
 * @param dryRun new value of {@code chaos.dry-run}, or {@code null}
 * @param seed new value of {@code chaos.seed}, or {@code null}
 * @param guard new values of {@code chaos.guard.*} (a map), or {@code null}
 * @param assaults assaults to add, replace ({@code name -> map}) or remove
 * ({@code name -> null}), or {@code null}
 * @author Chaos Starter team
 */
public record ChaosChangeRequest(@Nullable Object enabled, @Nullable Object duration, @Nullable Object dryRun,
		@Nullable Object seed, @Nullable Object guard, @Nullable Object assaults) {

	/**
	 * Return a request that only switches chaos on or off.
	 * @param enabled whether chaos is on
	 * @return the request
	 */
	public static ChaosChangeRequest enabled(boolean enabled) {
		return new ChaosChangeRequest(enabled, null, null, null, null, null);
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
		return new ChaosChangeRequest(null, null, null, null, null, Collections.unmodifiableMap(assaults));
	}

	/**
	 * Return a request that removes one assault.
	 * @param name the assault's name
	 * @return the request
	 */
	public static ChaosChangeRequest removeAssault(String name) {
		Map<String, @Nullable Object> assaults = new LinkedHashMap<>();
		assaults.put(name, null);
		return new ChaosChangeRequest(null, null, null, null, null, Collections.unmodifiableMap(assaults));
	}

	/**
	 * Return whether the request changes nothing at all.
	 * @return {@code true} when every value is {@code null}
	 */
	public boolean isEmpty() {
		return this.enabled == null && this.duration == null && this.dryRun == null && this.seed == null
				&& this.guard == null && this.assaults == null;
	}

}
