package io.github.chaosstarter.endpoint;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One report for the fleet, from the instances' reports as they travel over the bus (JSON
 * objects): for each mechanism, endpoint and dependency of the same name, the counts are
 * summed, the verdict is combined ({@code REACTED} where any instance's reacted, else
 * {@code DID_NOT_REACT} where any was exercised, else {@code NOT_EXERCISED}; a
 * dependency's {@code CONTRADICTED} wins over {@code HELD}) and each instance's reason is
 * kept under its bus id. Rates and percentiles are not recomputed here: each instance's
 * own steady state stays under {@code instances}.
 *
 * @author Chaos Starter team
 */
final class FleetReports {

	/** The lists of a report, and the fields that name one entry of each. */
	private static final Map<String, List<String>> KEYS = Map.of("circuitBreakers", List.of("name"), "retries",
			List.of("name"), "timeLimiters", List.of("name"), "bulkheads", List.of("name", "type"), "fallbacks",
			List.of("method", "fallbackMethod"), "unprotected", List.of("method"), "endpoints", List.of("endpoint"),
			"dependencies", List.of("name"));

	private FleetReports() {
	}

	/**
	 * Combine the instances' reports.
	 * @param reports bus id to that instance's report
	 * @return the combined report
	 */
	static Map<String, Object> combine(Map<String, Object> reports) {
		Map<String, Object> combined = new LinkedHashMap<>();
		Map<String, Long> byAssault = new TreeMap<>();
		long total = 0;
		for (Object report : reports.values()) {
			Map<?, ?> injections = map(map(report).get("injections"));
			total += number(injections.get("total"));
			map(injections.get("byAssault"))
				.forEach((name, count) -> byAssault.merge(String.valueOf(name), number(count), Long::sum));
		}
		combined.put("instances", new ArrayList<>(reports.keySet()));
		combined.put("injections", Map.of("total", total, "byAssault", byAssault));
		KEYS.forEach((list, key) -> combined.put(list, combineList(reports, list, key)));
		return combined;
	}

	private static List<Map<String, Object>> combineList(Map<String, Object> reports, String list, List<String> key) {
		Map<List<Object>, Map<String, Object>> entries = new LinkedHashMap<>();
		reports.forEach((busId, report) -> {
			Object values = map(report).get(list);
			if (!(values instanceof List<?> items)) {
				return;
			}
			for (Object item : items) {
				Map<?, ?> entry = map(item);
				List<Object> identity = key.stream().map(entry::get).map(Object.class::cast).toList();
				Map<String, Object> combined = entries.computeIfAbsent(identity, (k) -> new LinkedHashMap<>());
				add(combined, entry, busId);
			}
		});
		return new ArrayList<>(entries.values());
	}

	@SuppressWarnings("unchecked")
	private static void add(Map<String, Object> combined, Map<?, ?> entry, String busId) {
		entry.forEach((name, value) -> {
			String field = String.valueOf(name);
			if ("reason".equals(field)) {
				((Map<String, Object>) combined.computeIfAbsent("reasons", (k) -> new TreeMap<>())).put(busId, value);
			}
			else if ("verdict".equals(field)) {
				Object verdict = combined.get(field);
				combined.put(field, (verdict == null) ? value : stronger(verdict, value));
				((Map<String, Object>) combined.computeIfAbsent("verdicts", (k) -> new TreeMap<>())).put(busId, value);
			}
			else if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
				Object sum = combined.get(field);
				combined.put(field,
						((sum instanceof Number previous) ? previous.longValue() : 0L) + number.longValue());
			}
			else {
				combined.putIfAbsent(field, value);
			}
		});
	}

	/**
	 * The verdict that wins: a reaction anywhere, then a contradiction, then an exercise
	 * without reaction.
	 */
	private static Object stronger(Object one, @Nullable Object other) {
		int first = rank(one);
		int second = rank(other);
		return (second < first) ? other : one;
	}

	private static int rank(@Nullable Object verdict) {
		return switch (String.valueOf(verdict)) {
			case "REACTED" -> 0;
			case "CONTRADICTED" -> 1;
			case "DID_NOT_REACT" -> 2;
			case "HELD" -> 3;
			case "NOT_EXERCISED" -> 4;
			default -> 5;
		};
	}

	private static Map<?, ?> map(@Nullable Object value) {
		Object plain = plain(value);
		return (plain instanceof Map<?, ?> map) ? map : Map.of();
	}

	/**
	 * Write a report as it arrives from the bus: records as maps of their components,
	 * enums by name, other values as they are. This instance's own report is a record;
	 * the others' arrive as maps already.
	 */
	static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Record record) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				try {
					map.put(component.getName(), plain(component.getAccessor().invoke(record)));
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("Cannot read " + component, ex);
				}
			}
			return map;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(FleetReports::plain).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> plain = new LinkedHashMap<>();
			map.forEach((key, item) -> plain.put(key, plain(item)));
			return plain;
		}
		return (value instanceof Enum<?> constant) ? constant.name() : value;
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

}
