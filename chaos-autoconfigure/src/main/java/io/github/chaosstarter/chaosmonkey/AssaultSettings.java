package io.github.chaosstarter.chaosmonkey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * The assault settings of Chaos Monkey for Spring Boot ({@code GET|POST /assaults}), with
 * its names and defaults. A {@code POST} changes the settings it gives and leaves the
 * others, as Chaos Monkey for Spring Boot does; each value is checked as it is read.
 * Settings without an equivalent (memory and CPU assaults, restart) are refused when
 * switched on and accepted when off; their numbers and schedules are kept and shown.
 *
 * @param values the settings by name
 * @param exception the exception an exception assault throws
 * @author Chaos Starter team
 */
record AssaultSettings(Map<String, @Nullable Object> values, ExceptionSetting exception) {

	private static final int MAX_MILLIS = Integer.MAX_VALUE;

	private static final Set<String> BOOLEANS = Set.of("deterministic", "latencyActive", "exceptionsActive",
			"killApplicationActive", "restartApplicationActive", "memoryActive", "cpuActive");

	/** Switches that have no equivalent: only {@code false} is accepted. */
	private static final Set<String> NO_EQUIVALENT = Set.of("restartApplicationActive", "memoryActive", "cpuActive");

	private static final Set<String> MILLIS = Set.of("latencyRangeStart", "latencyRangeEnd",
			"memoryMillisecondsHoldFilledMemory", "memoryMillisecondsWaitNextIncrease", "cpuMillisecondsHoldLoad");

	private static final Set<String> FRACTIONS = Set.of("memoryFillIncrementFraction", "memoryFillTargetFraction",
			"cpuLoadTargetFraction");

	private static final Set<String> TEXTS = Set.of("killApplicationCronExpression", "runtimeAssaultCronExpression",
			"memoryCronExpression", "cpuCronExpression");

	/** The defaults of Chaos Monkey for Spring Boot, in the order it shows them. */
	static final AssaultSettings DEFAULTS = defaults();

	AssaultSettings {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	private static AssaultSettings defaults() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("level", 1);
		values.put("deterministic", false);
		values.put("latencyRangeStart", 1000);
		values.put("latencyRangeEnd", 3000);
		values.put("latencyActive", false);
		values.put("exceptionsActive", false);
		values.put("killApplicationActive", false);
		values.put("killApplicationCronExpression", "OFF");
		values.put("memoryActive", false);
		values.put("memoryMillisecondsHoldFilledMemory", 90000);
		values.put("memoryMillisecondsWaitNextIncrease", 1000);
		values.put("memoryFillIncrementFraction", 0.15);
		values.put("memoryFillTargetFraction", 0.25);
		values.put("memoryCronExpression", "OFF");
		values.put("cpuActive", false);
		values.put("cpuMillisecondsHoldLoad", 90000);
		values.put("cpuLoadTargetFraction", 0.9);
		values.put("cpuCronExpression", "OFF");
		values.put("watchedCustomServices", List.of());
		return new AssaultSettings(values, ExceptionSetting.DEFAULT);
	}

	/**
	 * Apply a {@code POST /assaults} body.
	 * @param body the body
	 * @param allowKill whether {@code chaos.allow-kill=true} is set
	 * @return the new settings
	 * @throws InvalidChaosPropertyException naming the field when the body is refused
	 */
	AssaultSettings merge(Map<?, ?> body, boolean allowKill) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(this.values);
		ExceptionSetting exception = this.exception;
		if (body.containsKey("exception") && body.containsKey("exceptions")) {
			throw new InvalidChaosPropertyException("exceptions", "is the same setting as exception; give one of them");
		}
		for (Map.Entry<?, ?> entry : body.entrySet()) {
			String key = String.valueOf(entry.getKey());
			Object value = entry.getValue();
			if (key.equals("exception") || key.equals("exceptions")) {
				Map<?, ?> given = BodyValues.object(key, value);
				exception = (given != null) ? ExceptionSetting.of(key, given) : exception;
			}
			else if (!(key.equals("restartApplicationActive") || key.equals("runtimeAssaultCronExpression"))
					&& !values.containsKey(key)) {
				BodyValues.known("", Map.of(key, ""), keys());
			}
			else if (value != null) {
				values.put(key, read(key, value, allowKill));
			}
		}
		// one assault has one effect: switching one on switches the other off, unless the
		// same body asks for both (refused below)
		switchOff(body, values, "exceptionsActive", "latencyActive");
		switchOff(body, values, "latencyActive", "exceptionsActive");
		int start = (Integer) values.get("latencyRangeStart");
		int end = (Integer) values.get("latencyRangeEnd");
		if (start > end) {
			throw new InvalidChaosPropertyException(
					body.containsKey("latencyRangeEnd") ? "latencyRangeEnd" : "latencyRangeStart",
					"latencyRangeStart (" + start + ") must not exceed latencyRangeEnd (" + end + ")");
		}
		if (isTrue(values, "latencyActive") && isTrue(values, "exceptionsActive")) {
			throw new InvalidChaosPropertyException(
					body.containsKey("exceptionsActive") ? "exceptionsActive" : "latencyActive",
					"latencyActive and exceptionsActive cannot both be true: this endpoint maps the "
							+ "settings onto one assault with one effect; switch one of them off");
		}
		return new AssaultSettings(values, exception);
	}

	private static void switchOff(Map<?, ?> body, Map<String, @Nullable Object> values, String on, String other) {
		if (isTrue(values, on) && body.get(on) != null && !body.containsKey(other)) {
			values.put(other, false);
		}
	}

	private static Object read(String key, Object value, boolean allowKill) {
		if (BOOLEANS.contains(key)) {
			Boolean on = BodyValues.bool(key, value);
			if (Boolean.TRUE.equals(on) && NO_EQUIVALENT.contains(key)) {
				throw new InvalidChaosPropertyException(key, "has no equivalent in Chaos Starter yet: this "
						+ "assault cannot be switched on here; only false is accepted");
			}
			if (Boolean.TRUE.equals(on) && key.equals("killApplicationActive") && !allowKill) {
				throw new InvalidChaosPropertyException(key, "kill assaults are refused unless chaos.allow-kill=true "
						+ "is set in the application's own configuration");
			}
			return on;
		}
		if (key.equals("level")) {
			return BodyValues.integer(key, value, 1, 10000);
		}
		if (MILLIS.contains(key)) {
			return BodyValues.integer(key, value, 0, MAX_MILLIS);
		}
		if (FRACTIONS.contains(key)) {
			return BodyValues.fraction(key, value);
		}
		if (TEXTS.contains(key)) {
			String text = BodyValues.text(key, value);
			return (text != null) ? text.trim() : "OFF";
		}
		List<String> services = BodyValues.texts(key, value);
		return (services != null) ? services : List.of();
	}

	private static List<String> keys() {
		List<String> keys = new java.util.ArrayList<>(DEFAULTS.values.keySet());
		keys.add("exception");
		keys.add("exceptions");
		return keys;
	}

	private static boolean isTrue(Map<String, @Nullable Object> values, String key) {
		return Boolean.TRUE.equals(values.get(key));
	}

	boolean on(String key) {
		return isTrue(this.values, key);
	}

	int number(String key) {
		return (Integer) this.values.get(key);
	}

	@SuppressWarnings("unchecked")
	List<String> watchedCustomServices() {
		return (List<String>) this.values.get("watchedCustomServices");
	}

	/**
	 * Return whether a kill is scheduled, that is, set active with a cron expression
	 * other than {@code OFF}. This starter has no schedule: a scheduled kill happens once
	 * chaos is on.
	 * @return whether a kill is due while chaos is on
	 */
	boolean killScheduled() {
		if (!on("killApplicationActive")) {
			return false;
		}
		Object cron = this.values.get("killApplicationCronExpression");
		Object legacy = this.values.get("runtimeAssaultCronExpression");
		return isSchedule(cron) || isSchedule(legacy);
	}

	private static boolean isSchedule(@Nullable Object cron) {
		return cron instanceof String text && !text.isBlank() && !text.equalsIgnoreCase("OFF");
	}

	/**
	 * Return a copy with the effects of the one assault off, after the assault was
	 * removed through {@code /actuator/chaos}.
	 * @return the settings with latency and exceptions off
	 */
	AssaultSettings withoutEffects() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(this.values);
		values.put("latencyActive", false);
		values.put("exceptionsActive", false);
		return new AssaultSettings(values, this.exception);
	}

	/**
	 * Describe the settings as Chaos Monkey for Spring Boot shows them.
	 * @return the settings by name
	 */
	Map<String, @Nullable Object> describe() {
		Map<String, @Nullable Object> result = new LinkedHashMap<>(this.values);
		result.put("exception", this.exception.describe());
		return result;
	}

}
