package io.github.chaosstarter.endpoint;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ServiceReport;

/**
 * One report for the fleet, from the instances' reports as they travel over the bus (JSON
 * objects): for each mechanism, endpoint and dependency of the same name, the counts are
 * summed, the verdict is combined ({@code REACTED} where any instance's reacted, else
 * {@code DID_NOT_REACT} where any was exercised, else {@code NOT_EXERCISED}; a
 * dependency's {@code CONTRADICTED} wins over {@code HELD}) and each instance's reason is
 * kept under its bus id. Rates and percentiles are recomputed from the summed
 * {@link ServiceReport.Figures figures} the instances send beside their reports (the
 * steady state's windows, each endpoint's p99); the steady state's verdict is
 * {@code VIOLATED} where any instance's was, else {@code HELD} where any held; the
 * timelines are laid on one grid ({@link FleetTimeline}).
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
	 * @param figures bus id to the figures behind that instance's report; an instance
	 * without leaves the recomputed rates and percentiles out
	 * @return the combined report
	 */
	static Map<String, Object> combine(Map<String, Object> reports, Map<String, Object> figures) {
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
		combined.put("steadyState", steadyState(reports));
		combined.put("timeline",
				FleetTimeline.combine(reports.values()
					.stream()
					.map((report) -> map(report).get("timeline"))
					.filter(List.class::isInstance)
					.<List<?>>map(List.class::cast)
					.toList()));
		KEYS.forEach((list, key) -> combined.put(list, combineList(reports, list, key)));
		if (figures.keySet().containsAll(reports.keySet())) {
			recompute(combined, figures.values().stream().map(FleetReports::figures).toList());
		}
		else {
			// one instance's percentiles cannot stand for the fleet's
			List<String> without = reports.keySet().stream().filter((id) -> !figures.containsKey(id)).toList();
			combined.put("percentiles", "left out: " + String.join(", ", without)
					+ " sent no figures (a Chaos.Reports of the application's own)");
			((List<?>) combined.get("endpoints")).forEach((endpoint) -> putNull(endpoint, "p99"));
		}
		return combined;
	}

	private static Map<String, Object> steadyState(Map<String, Object> reports) {
		Map<String, Object> verdicts = new TreeMap<>();
		Map<String, Object> reasons = new TreeMap<>();
		reports.forEach((busId, report) -> {
			Map<?, ?> steadyState = map(map(report).get("steadyState"));
			verdicts.put(busId, steadyState.get("verdict"));
			reasons.put(busId, steadyState.get("reason"));
		});
		Map<String, Object> combined = new LinkedHashMap<>();
		combined.put("verdict", verdicts.containsValue("VIOLATED") ? "VIOLATED"
				: verdicts.containsValue("HELD") ? "HELD" : "NOT_MEASURED");
		combined.put("verdicts", verdicts);
		combined.put("reasons", reasons);
		return combined;
	}

	/** Rates and percentiles from the summed figures of every instance. */
	@SuppressWarnings("unchecked")
	private static void recompute(Map<String, Object> combined, List<ServiceReport.Figures> figures) {
		Map<String, Object> steadyState = (Map<String, Object>) combined.get("steadyState");
		ServiceReport.Counts baseline = null;
		ServiceReport.Counts during = new ServiceReport.Counts(0, 0, Map.of());
		Map<String, ServiceReport.Counts> endpoints = new TreeMap<>();
		for (ServiceReport.Figures figure : figures) {
			if (figure.baseline() != null) {
				baseline = (baseline != null) ? baseline.plus(figure.baseline()) : figure.baseline();
			}
			during = during.plus(figure.during());
			figure.endpoints().forEach((name, counts) -> endpoints.merge(name, counts, ServiceReport.Counts::plus));
		}
		steadyState.put("baseline", (baseline != null) ? plain(baseline.window()) : null);
		steadyState.put("during", plain(during.window()));
		for (Map<String, Object> endpoint : (List<Map<String, Object>>) combined.get("endpoints")) {
			ServiceReport.Counts counts = endpoints.get(String.valueOf(endpoint.get("endpoint")));
			endpoint.put("p99", (counts != null) ? counts.percentile(0.99) : null);
		}
	}

	@SuppressWarnings("unchecked")
	private static void putNull(Object entry, String field) {
		((Map<String, Object>) entry).put(field, null);
	}

	/** Figures as they arrive: a record from this instance, a map from the others. */
	private static ServiceReport.Figures figures(Object value) {
		Map<?, ?> figures = map(value);
		Map<String, ServiceReport.Counts> endpoints = new TreeMap<>();
		map(figures.get("endpoints")).forEach((name, counts) -> endpoints.put(String.valueOf(name), counts(counts)));
		Object baseline = figures.get("baseline");
		return new ServiceReport.Figures((baseline != null) ? counts(baseline) : null, counts(figures.get("during")),
				endpoints);
	}

	private static ServiceReport.Counts counts(@Nullable Object value) {
		Map<?, ?> counts = map(value);
		Map<Integer, Long> histogram = new TreeMap<>();
		map(counts.get("histogram")).forEach((bucket, count) -> {
			String index = String.valueOf(bucket);
			if (index.matches("\\d{1,4}")) {
				histogram.merge(Integer.valueOf(index), number(count), Long::sum);
			}
		});
		return new ServiceReport.Counts(number(counts.get("requests")), number(counts.get("errors")), histogram);
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
