package io.github.chaosstarter.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.ServiceReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined fleet report: counts summed per mechanism, verdicts combined, each
 * instance's reason kept, rates and percentiles recomputed from the summed figures.
 */
class FleetReportsTests {

	private static Map<String, Object> report(long injected, Map<String, Object> breaker) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("injections", Map.of("total", injected, "byAssault", Map.of("down", injected)));
		report.put("circuitBreakers", List.of(breaker));
		return report;
	}

	private static Map<String, Object> breaker(String verdict, long injectedFailures, String reason) {
		return Map.of("name", "payments", "verdict", verdict, "injectedFailures", injectedFailures, "reason", reason);
	}

	@Test
	@SuppressWarnings("unchecked")
	void countsAreSummedAndAReactionAnywhereMakesTheCombinedVerdict() {
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", report(3, breaker("NOT_EXERCISED", 0, "no injected fault reached it")));
		reports.put("shop:b", report(5, breaker("REACTED", 5, "opened with 5 injected")));
		reports.put("shop:c", report(2, breaker("DID_NOT_REACT", 2, "needs minimumNumberOfCalls=10")));
		Map<String, Object> combined = FleetReports.combine(reports, Map.of());
		assertThat(combined.get("injections")).isEqualTo(Map.of("total", 10L, "byAssault", Map.of("down", 10L)));
		List<Map<String, Object>> breakers = (List<Map<String, Object>>) combined.get("circuitBreakers");
		assertThat(breakers).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("name", "payments")
				.containsEntry("verdict", "REACTED")
				.containsEntry("injectedFailures", 7L);
			assertThat(entry.get("verdicts"))
				.isEqualTo(Map.of("shop:a", "NOT_EXERCISED", "shop:b", "REACTED", "shop:c", "DID_NOT_REACT"));
			assertThat((Map<String, Object>) entry.get("reasons")).containsOnlyKeys("shop:a", "shop:b", "shop:c")
				.containsEntry("shop:b", "opened with 5 injected");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void exercisedWithoutAReactionAnywhereDidNotReact() {
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", report(1, breaker("NOT_EXERCISED", 0, "-")));
		reports.put("shop:b", report(1, breaker("DID_NOT_REACT", 1, "-")));
		List<Map<String, Object>> breakers = (List<Map<String, Object>>) FleetReports.combine(reports, Map.of())
			.get("circuitBreakers");
		assertThat(breakers).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("verdict", "DID_NOT_REACT"));
	}

	@Test
	void anInstancesOwnReportRecordCountsAsTheOthersMaps() {
		record Entry(String name, long count) {
		}
		assertThat(FleetReports.plain(List.of(new Entry("x", 2)))).isEqualTo(List.of(Map.of("name", "x", "count", 2L)));
	}

	private static Map<String, Object> served(String verdict, long requests, long failed) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("steadyState", Map.of("verdict", verdict, "reason", verdict.toLowerCase()));
		report.put("endpoints", List.of(Map.of("endpoint", "GET /orders", "requests", requests, "failed", failed,
				"injectedReachedCaller", 0L, "p99", "as this instance saw it")));
		return report;
	}

	@Test
	@SuppressWarnings("unchecked")
	void ratesAndPercentilesComeFromTheSummedFiguresNotFromTheInstancesOwn() {
		// shop:a: 98 requests of 10us and 2 of 50us, its own p99 50us; shop:b: 100 of
		// 10us
		ServiceReport.Counts a = new ServiceReport.Counts(100, 10, Map.of(10, 98L, 50, 2L));
		ServiceReport.Counts b = new ServiceReport.Counts(300, 0, Map.of(10, 300L));
		assertThat(a.percentile(0.99)).isEqualTo("50us");
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", served("VIOLATED", 100, 10));
		reports.put("shop:b", served("HELD", 300, 0));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("shop:a", new ServiceReport.Figures(null, a, Map.of("GET /orders", a)));
		// as it arrives over the bus: JSON objects, bucket numbers as strings
		figures.put("shop:b",
				Map.of("during", Map.of("requests", 300, "errors", 0, "histogram", Map.of("10", 300)), "endpoints",
						Map.of("GET /orders", Map.of("requests", 300, "errors", 0, "histogram", Map.of("10", 300)))));
		Map<String, Object> combined = FleetReports.combine(reports, figures);
		Map<String, Object> steadyState = (Map<String, Object>) combined.get("steadyState");
		assertThat(steadyState).containsEntry("verdict", "VIOLATED")
			.containsEntry("verdicts", Map.of("shop:a", "VIOLATED", "shop:b", "HELD"))
			.containsEntry("baseline", null);
		// 10 errors of 400 requests, not the mean of 0.1 and 0
		assertThat((Map<String, Object>) steadyState.get("during")).containsEntry("requests", 400L)
			.containsEntry("errorRate", 0.025)
			.containsEntry("p50", "10us")
			.containsEntry("p99", "10us");
		assertThat((List<Map<String, Object>>) combined.get("endpoints")).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint).containsEntry("requests", 400L)
				.containsEntry("failed", 10L)
				.containsEntry("p99", "10us"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void withoutAnInstancesFiguresThePercentilesAreLeftOutAndSaidSo() {
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", served("HELD", 100, 0));
		reports.put("shop:b", served("HELD", 100, 0));
		ServiceReport.Counts a = new ServiceReport.Counts(100, 0, Map.of(10, 100L));
		Map<String, Object> combined = FleetReports.combine(reports,
				Map.of("shop:a", new ServiceReport.Figures(null, a, Map.of("GET /orders", a))));
		assertThat(combined.get("percentiles")).asString().contains("shop:b");
		assertThat((List<Map<String, Object>>) combined.get("endpoints")).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint).containsEntry("requests", 200L).containsEntry("p99", null));
	}

	@Test
	void bucketsThatAreNotNumbersAreSkipped() {
		Map<String, Object> reports = Map.of("shop:a", served("HELD", 1, 0));
		Map<String, Object> figures = Map.of("shop:a",
				Map.of("during", Map.of("requests", 1, "errors", 0, "histogram", Map.of("x", 1, "-3", 1, "12", 1)),
						"endpoints", Map.of()));
		assertThat(FleetReports.combine(reports, figures)).extractingByKey("steadyState")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.extractingByKey("during")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("p99", "12us");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theTimelinesAreLaidOnOneGridAsWideAsTheWidestWithTheirCountsSummed() {
		Instant start = Instant.parse("2026-12-04T10:00:00Z");
		// shop:a: 1 s buckets from 10:00:00; shop:b started 1.5 s later, its buckets 2 s
		// wide
		List<Object> a = List.of(new ServiceReport.TimelineBucket(start, 3, 1, 2, Map.of("payments", "CLOSED")),
				new ServiceReport.TimelineBucket(start.plusSeconds(1), 4, 0, 0, Map.of("payments", "OPEN")),
				new ServiceReport.TimelineBucket(start.plusSeconds(2), 5, 0, 1, Map.of("payments", "OPEN")));
		List<Object> b = List.of(
				Map.of("at", start.plusMillis(1500).toString(), "requests", 10, "errors", 2, "injections", 3,
						"circuitBreakers", Map.of("payments", "HALF_OPEN")),
				Map.of("at", start.plusMillis(3500).toString(), "requests", 1, "errors", 0, "injections", 0,
						"circuitBreakers", Map.of("payments", "CLOSED")));
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", Map.of("timeline", a));
		reports.put("shop:b", Map.of("timeline", b));
		List<Map<String, Object>> timeline = (List<Map<String, Object>>) FleetReports.combine(reports, Map.of())
			.get("timeline");
		// 2 s grid from 10:00:00: [00, 02) holds a's first two and b's first; [02, 04)
		// the rest
		assertThat(timeline).hasSize(2);
		assertThat(timeline.get(0)).containsEntry("at", "2026-12-04T10:00:00Z")
			.containsEntry("requests", 17L)
			.containsEntry("errors", 3L)
			.containsEntry("injections", 5L)
			.containsEntry("circuitBreakers", Map.of("payments", "OPEN"));
		assertThat(timeline.get(1)).containsEntry("at", "2026-12-04T10:00:02Z")
			.containsEntry("requests", 6L)
			.containsEntry("injections", 1L)
			.containsEntry("circuitBreakers", Map.of("payments", "OPEN"));
		long summed = 0;
		for (Map<String, Object> bucket : timeline) {
			summed += (Long) bucket.get("requests");
		}
		assertThat(summed).as("no request lost or counted twice").isEqualTo(3 + 4 + 5 + 10 + 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aLongExperimentWidensTheGridToAtMostItsBuckets() {
		Instant start = Instant.parse("2026-12-04T10:00:00Z");
		List<Object> buckets = new java.util.ArrayList<>();
		for (int i = 0; i < 120; i++) {
			buckets.add(new ServiceReport.TimelineBucket(start.plusSeconds(i), 1, 0, 0, Map.of()));
		}
		Map<String, Object> reports = new LinkedHashMap<>();
		reports.put("shop:a", Map.of("timeline", buckets));
		reports.put("shop:b", Map.of("timeline",
				List.of(new ServiceReport.TimelineBucket(start.plusSeconds(200), 1, 0, 0, Map.of()))));
		List<Map<String, Object>> timeline = (List<Map<String, Object>>) FleetReports.combine(reports, Map.of())
			.get("timeline");
		assertThat(timeline.size()).isLessThanOrEqualTo(120);
		assertThat(timeline.get(1).get("at")).as("2 s wide").isEqualTo("2026-12-04T10:00:02Z");
		assertThat(timeline.stream().mapToLong((bucket) -> (Long) bucket.get("requests")).sum()).isEqualTo(121);
	}

}
