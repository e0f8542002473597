package io.github.chaosstarter.endpoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One timeline for the fleet: the instances' buckets (each instance's start their own,
 * one second wide at first and twice as wide as its experiment grows) laid on one grid
 * that starts with the earliest bucket and is as wide as the widest, at most
 * {@value #MAX_BUCKETS} buckets; a bucket's requests, errors and injections summed, and
 * each circuit breaker's state the least healthy any instance reported for it
 * ({@code OPEN}, then {@code FORCED_OPEN}, {@code HALF_OPEN}, the others). An instance's
 * bucket counts in the grid's bucket its start falls in.
 *
 * @author Chaos Starter team
 */
final class FleetTimeline {

	static final int MAX_BUCKETS = 120;

	private static final List<String> LEAST_HEALTHY_FIRST = List.of("OPEN", "FORCED_OPEN", "HALF_OPEN");

	private FleetTimeline() {
	}

	/**
	 * Combine the instances' timelines.
	 * @param timelines each instance's buckets, as they arrive (records or maps)
	 * @return the combined buckets, oldest first
	 */
	static List<Map<String, Object>> combine(List<List<?>> timelines) {
		List<List<Bucket>> parsed = new ArrayList<>();
		long start = Long.MAX_VALUE;
		long end = Long.MIN_VALUE;
		long width = 1000;
		for (List<?> timeline : timelines) {
			List<Bucket> buckets = new ArrayList<>();
			for (Object item : timeline) {
				Bucket bucket = Bucket.of(item);
				if (bucket != null) {
					buckets.add(bucket);
				}
			}
			for (int i = 1; i < buckets.size(); i++) {
				width = Math.max(width, buckets.get(i).at - buckets.get(i - 1).at);
			}
			if (!buckets.isEmpty()) {
				start = Math.min(start, buckets.get(0).at);
				end = Math.max(end, buckets.get(buckets.size() - 1).at);
			}
			parsed.add(buckets);
		}
		if (start == Long.MAX_VALUE) {
			return List.of();
		}
		while ((end - start) / width >= MAX_BUCKETS) {
			width *= 2;
		}
		long first = start;
		long step = width;
		TreeMap<Long, Map<String, Object>> grid = new TreeMap<>();
		for (List<Bucket> buckets : parsed) {
			for (Bucket bucket : buckets) {
				long index = (bucket.at - first) / step;
				Map<String, Object> combined = grid.computeIfAbsent(index, (key) -> empty(first + key * step));
				add(combined, "requests", bucket.requests);
				add(combined, "errors", bucket.errors);
				add(combined, "injections", bucket.injections);
				@SuppressWarnings("unchecked")
				Map<String, Object> states = (Map<String, Object>) combined.get("circuitBreakers");
				bucket.circuitBreakers.forEach((name, state) -> states.merge(name, state, FleetTimeline::leastHealthy));
			}
		}
		return new ArrayList<>(grid.values());
	}

	private static Map<String, Object> empty(long at) {
		Map<String, Object> bucket = new LinkedHashMap<>();
		bucket.put("at", Instant.ofEpochMilli(at).toString());
		bucket.put("requests", 0L);
		bucket.put("errors", 0L);
		bucket.put("injections", 0L);
		bucket.put("circuitBreakers", new TreeMap<String, Object>());
		return bucket;
	}

	private static void add(Map<String, Object> bucket, String field, long count) {
		bucket.put(field, (Long) bucket.get(field) + count);
	}

	private static Object leastHealthy(Object one, Object other) {
		int first = rank(one);
		int second = rank(other);
		return (second < first) ? other : one;
	}

	private static int rank(Object state) {
		int index = LEAST_HEALTHY_FIRST.indexOf(String.valueOf(state));
		return (index >= 0) ? index : LEAST_HEALTHY_FIRST.size();
	}

	/** One instance's bucket. */
	private record Bucket(long at, long requests, long errors, long injections, Map<String, Object> circuitBreakers) {

		static @Nullable Bucket of(Object item) {
			Object plain = FleetReports.plain(item);
			if (!(plain instanceof Map<?, ?> map)) {
				return null;
			}
			Long at = instant(map.get("at"));
			if (at == null) {
				return null;
			}
			Map<String, Object> states = new TreeMap<>();
			if (map.get("circuitBreakers") instanceof Map<?, ?> breakers) {
				breakers.forEach((name, state) -> states.put(String.valueOf(name), state));
			}
			return new Bucket(at, number(map.get("requests")), number(map.get("errors")), number(map.get("injections")),
					states);
		}

		private static @Nullable Long instant(@Nullable Object value) {
			if (value instanceof Instant instant) {
				return instant.toEpochMilli();
			}
			if (value instanceof String text) {
				try {
					return Instant.parse(text).toEpochMilli();
				}
				catch (DateTimeParseException ex) {
					return null;
				}
			}
			// Jackson's numeric timestamps: seconds, with the nanoseconds as decimals
			return (value instanceof Number number) ? Math.round(number.doubleValue() * 1000) : null;
		}

		private static long number(@Nullable Object value) {
			return (value instanceof Number number) ? number.longValue() : 0L;
		}

	}

}
