package io.github.chaosstarter.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.Injections;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;
import io.github.chaosstarter.report.ServiceReport.DependencyClass;
import io.github.chaosstarter.report.ServiceReport.DependencyReport;
import io.github.chaosstarter.report.ServiceReport.EndpointReport;
import io.github.chaosstarter.report.ServiceReport.Leak;
import io.github.chaosstarter.report.ServiceReport.Outcome;
import io.github.chaosstarter.report.ServiceReport.SteadyState;
import io.github.chaosstarter.report.ServiceReport.TimelineBucket;
import io.github.chaosstarter.report.ServiceReport.Window;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML page of {@link ResilienceReport#html()}, rendered without a server: every
 * value escaped, empty sections brief, the timeline drawn for none, one and many buckets.
 */
class ChaosReportPageTests {

	private static final Instant SINCE = Instant.parse("2026-11-28T10:00:00Z");

	private static final String HOSTILE = "<i x='1'>\"a&b\"</i>";

	private static final String ESCAPED = "&lt;i x=&#39;1&#39;&gt;&quot;a&amp;b&quot;&lt;/i&gt;";

	@Test
	void everyValueIsEscaped() {
		String page = hostile().html();
		assertThat(page).doesNotContain("<i").contains(ESCAPED);
		// the assault, steady-state reason and figures, endpoint, leak (endpoint, label,
		// sample), breaker (name, transition states twice, reason, warning, band name and
		// state), retry (name, reason, warning), fallback (method, fallback, reason),
		// limiter, bulkhead (name, type, reason), unprotected (method, delay), dependency
		// (name, type, reason)
		assertThat(page.split(ESCAPED, -1)).hasSizeGreaterThan(28);
	}

	@Test
	void pageNeedsNothingFromElsewhere() {
		String page = hostile().html();
		assertThat(page).startsWith("<!DOCTYPE html>")
			.contains("<meta charset=\"utf-8\">", "<style>")
			.doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<link")
			.doesNotContain("url(", "@import", "src=", "href=");
	}

	@Test
	void pageShowsTheVerdictsWithTheirReasons() {
		String page = report(List.of(bucket(0, "OPEN")), "breaker opened by injected faults").html();
		assertThat(page).contains("VIOLATED", "error rate 0.2 exceeded max-error-rate 0.01", "50%", "0.33%")
			.contains("REACTED", "breaker opened by injected faults", "DID_NOT_REACT", "NOT_EXERCISED")
			.contains("UNPROTECTED", "9 of 9 injected failures reached its caller")
			.contains("CLOSED &rarr; <b>OPEN</b>", "caused by injection");
		assertThat(page).contains("<h2>Dependencies <span class=\"sub\">(1)</span></h2>", "jdbc:dataSource", "CRITICAL",
				"DEGRADABLE", "expected degradable but observed critical: 10 of 10 requests");
	}

	@Test
	void emptyReportSaysNoneBriefly() {
		String page = ResilienceReport.empty(SINCE).html();
		assertThat(page).contains("NOT_MEASURED", "no hypothesis is set: set chaos.hypothesis", "no traffic measured",
				"none: no request has been recorded yet", "<svg");
		assertThat(page.split("<p class=\"none\">none</p>", -1)).hasSize(10);
		assertThat(page).doesNotContain("<table");
	}

	@Test
	void timelineOfOneBucketDrawsOneBarAndOneBandPerBreaker() {
		String page = report(List.of(bucket(0, "OPEN")), "r").html();
		String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
		assertThat(svg).contains("10:00:00").doesNotContain("NaN", "Infinity");
		assertThat(svg).contains(">payments</text>", "fill=\"#dc2626\"><title>payments OPEN: 10:00:00</title>");
		assertThat(page).contains("1 bucket, times in UTC");
	}

	@Test
	void timelineMarksInjectionsAndKeepsOneRectanglePerRunOfABreakerState() {
		List<TimelineBucket> timeline = List.of(bucket(0, "CLOSED"), bucket(1, "OPEN"), bucket(2, "OPEN"),
				bucket(3, "HALF_OPEN"), bucket(4, "CLOSED"));
		String page = report(timeline, "r").html();
		assertThat(page).contains("5 buckets of 5s", "10:00:00", "10:00:20")
			.contains("<title>payments OPEN: 10:00:05 to 10:00:10</title>")
			.contains("<title>payments HALF_OPEN: 10:00:15</title>")
			.contains("fill=\"#f59e0b\"", "fill=\"#16a34a\"", "fill=\"#7c3aed\"")
			.contains("<title>10:00:05: 30 requests, 3 errors, 5 injections</title>");
	}

	private static TimelineBucket bucket(int index, String state) {
		return new TimelineBucket(SINCE.plusSeconds(5L * index), 30, 3, 5, Map.of("payments", state));
	}

	private static ResilienceReport report(List<TimelineBucket> timeline, String reason) {
		SteadyState steadyState = new SteadyState(Outcome.VIOLATED, "error rate 0.2 exceeded max-error-rate 0.01",
				new Window(120, 0.5, "12ms", "40ms"), new Window(300, 0.0033, "15ms", "310ms"));
		Transition opened = new Transition("CLOSED", "OPEN", SINCE.plusSeconds(5), 5, 5, 5, 0, 0, 0, true);
		return new ResilienceReport(SINCE, new Injections(42, Map.of("payments-down", 42L)), steadyState,
				List.of(new EndpointReport("GET /api/orders/{id}", 20, 3, 3, "310ms")), List.of(),
				List.of(new DependencyReport("jdbc:dataSource", "jdbc", 12, 10, 10, 0, DependencyClass.CRITICAL,
						DependencyClass.DEGRADABLE, Outcome.VIOLATED,
						"expected degradable but observed critical: 10 of 10 requests that called it under injected "
								+ "faults failed (5xx)")),
				timeline,
				List.of(new CircuitBreakerReport("payments", Verdict.REACTED, 5, 0, List.of(opened), 3, 3, reason,
						List.of()),
						new CircuitBreakerReport("ledger", Verdict.DID_NOT_REACT, 0, 0, List.of(), 0, 0, "ignored",
								List.of())),
				List.of(new RetryReport("inventory", Verdict.NOT_EXERCISED, 0, 0, 0, 0, "no fault", List.of())),
				List.of(), List.of(), List.of(), List.of(new UnprotectedReport("StockRepository.find", 9, 0, null, 9)));
	}

	private static ResilienceReport hostile() {
		String h = HOSTILE;
		SteadyState steadyState = new SteadyState(Outcome.HELD, h, new Window(1, 0, h, h), new Window(2, 0, h, h));
		Transition transition = new Transition(h, h, SINCE, 1, 1, 1, 0, 0, 0, true);
		return new ResilienceReport(SINCE, new Injections(1, Map.of(h, 1L)), steadyState,
				List.of(new EndpointReport(h, 1, 1, 1, h)), List.of(new Leak(h, 500, List.of(h), h)),
				List.of(new DependencyReport(h, h, 1, 1, 0, 1, DependencyClass.DEGRADABLE, DependencyClass.OPTIONAL,
						Outcome.VIOLATED, h)),
				List.of(new TimelineBucket(SINCE, 1, 1, 1, Map.of(h, h))),
				List.of(new CircuitBreakerReport(h, Verdict.REACTED, 1, 0, List.of(transition), 0, 0, h, List.of(h))),
				List.of(new RetryReport(h, Verdict.REACTED, 1, 0, 1, 2.0, h, List.of(h))),
				List.of(new FallbackReport(h, h, Verdict.REACTED, 1, h)),
				List.of(new TimeLimiterReport(h, Verdict.REACTED, 1, 0, h)),
				List.of(new BulkheadReport(h, h, Verdict.REACTED, 1, 0, h)),
				List.of(new UnprotectedReport(h, 1, 1, h, 1)));
	}

}
