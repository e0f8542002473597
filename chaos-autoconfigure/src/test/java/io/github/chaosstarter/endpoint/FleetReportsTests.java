package io.github.chaosstarter.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined fleet report: counts summed per mechanism, verdicts combined, each
 * instance's reason kept.
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
		Map<String, Object> combined = FleetReports.combine(reports);
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
		List<Map<String, Object>> breakers = (List<Map<String, Object>>) FleetReports.combine(reports)
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

}
