package io.github.chaosstarter.scenarios.verdict;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.report.ServiceReport.Outcome;
import io.github.chaosstarter.scenarios.verdict.fixture.VerdictApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiment verdict, measured against what the callers themselves saw: the test
 * counts the statuses its own HTTP client received and compares them with the report's
 * steady state, endpoints, leaks and timeline. Each test gives its hypothesis a baseline
 * window of its own length, so that it starts with a baseline of its own.
 */
abstract class AbstractExperimentVerdictTests {

	private static final AtomicInteger WINDOWS = new AtomicInteger(60);

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Chaos chaos;

	@BeforeEach
	@AfterEach
	void halt() {
		this.chaos.halt();
		Map<String, Object> noHypothesis = new HashMap<>();
		noHypothesis.put("hypothesis", null);
		this.chaos.change(noHypothesis);
	}

	@Test
	void serviceThatKeepsItsErrorRateHolds() {
		hypothesis(Map.of("paths", List.of("/api/**"), "max-error-rate", 0.5, "min-requests", 5));
		int[] before = drive("/api/orders/", 10);
		assertThat(before[1]).isZero();
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("orders-down",
				Map.of("target", Map.of("methods", List.of("find")), "max-injections", 3, "exception",
						Map.of("type", "java.lang.IllegalArgumentException")))));
		int[] during = drive("/api/orders/", 20);
		drive("/other", 5);
		ResilienceReport report = settled(25);
		ServiceReport.SteadyState steadyState = report.steadyState();
		assertThat(during[1]).as("5xx the client saw").isEqualTo(3);
		assertThat(steadyState.verdict()).as(steadyState.reason()).isEqualTo(Outcome.HELD);
		assertThat(steadyState.baseline().requests()).isEqualTo(10);
		assertThat(steadyState.baseline().errorRate()).isZero();
		assertThat(steadyState.during().requests()).as("only /api/** counts").isEqualTo(20);
		assertThat(steadyState.during().errorRate()).isEqualTo(3 / 20.0);
		assertThat(steadyState.reason()).contains("error rate 0.15 (3 of 20 requests)", "max-error-rate 0.5");
		ServiceReport.EndpointReport orders = report.endpoint("GET /api/orders/{id}");
		assertThat(orders).isNotNull();
		assertThat(orders.requests()).isEqualTo(20);
		assertThat(orders.failed()).isEqualTo(during[1]);
		assertThat(orders.injectedReachedCaller()).isEqualTo(3);
		assertThat(orders.p99()).isNotNull();
		assertThat(report.endpoint("GET /other").requests()).isEqualTo(5);
		assertThat(report.leaks()).as("the handler answers a generic message").isEmpty();
	}

	@Test
	void serviceWhoseFallbackServesHolds() {
		hypothesis(Map.of("paths", List.of("/api/**"), "max-error-rate", 0.01, "min-requests", 5));
		drive("/api/prices/", 10);
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("prices-down",
				Map.of("target", Map.of("classes", List.of(VerdictApplication.PriceService.class.getName()), "methods",
						List.of("price")), "exception", Map.of()))));
		int[] during = drive("/api/prices/", 10);
		ResilienceReport report = settled(10);
		assertThat(during[0]).as("answered by the fallback").isEqualTo(10);
		assertThat(report.injections().total()).isEqualTo(10);
		assertThat(report.steadyState().verdict()).as(report.steadyState().reason()).isEqualTo(Outcome.HELD);
		assertThat(report.steadyState().reason()).contains("error rate 0 (0 of ", "within max-error-rate 0.01");
		assertCounted(report.steadyState(), 10);
		ServiceReport.EndpointReport prices = report.endpoint("GET /api/prices/{id}");
		assertThat(prices.failed()).isZero();
		assertThat(prices.injectedReachedCaller()).isZero();
		assertThat(report.fallbacks()).anySatisfy((fallback) -> assertThat(fallback.verdict().name()).isEqualTo("REACTED"));
	}

	@Test
	void serviceThatFailsItsCallersIsViolatedNamingTheFigure() {
		hypothesis(Map.of("max-error-rate", 0.01, "min-requests", 5));
		drive("/api/orders/", 10);
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("orders-down", Map.of("target",
				Map.of("methods", List.of("find")), "exception", Map.of("type", "java.lang.IllegalArgumentException")))));
		int[] during = drive("/api/orders/", 12);
		ResilienceReport report = settled(12);
		ServiceReport.SteadyState steadyState = report.steadyState();
		assertThat(during[1]).isEqualTo(12);
		assertThat(steadyState.verdict()).isEqualTo(Outcome.VIOLATED);
		assertThat(steadyState.reason()).as(report.endpoints() + " " + report.timeline())
			.contains("error rate 1 (", "exceeded max-error-rate 0.01", "baseline 0");
		assertCounted(steadyState, 12);
	}

	@Test
	void latencyBeyondTheHypothesisIsViolated() {
		hypothesis(Map.of("max-latency", "150ms", "min-requests", 5));
		drive("/api/orders/", 10);
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("orders-slow",
				Map.of("target", Map.of("methods", List.of("find")), "latency", Map.of("min", "300ms", "max", "300ms")))));
		drive("/api/orders/", 6);
		ResilienceReport report = settled(6);
		ServiceReport.SteadyState steadyState = report.steadyState();
		assertThat(steadyState.verdict()).as(steadyState.reason()).isEqualTo(Outcome.VIOLATED);
		assertThat(steadyState.reason()).contains("exceeded max-latency 150ms");
		assertThat(millis(steadyState.during().p99())).isBetween(300L, 30_000L);
		assertThat(millis(steadyState.baseline().p99())).isLessThan(300L);
	}

	@Test
	void tooFewRequestsAreNotMeasured() {
		hypothesis(Map.of("max-error-rate", 0.1));
		drive("/api/orders/", 3);
		this.chaos.enable();
		drive("/api/orders/", 20);
		ServiceReport.SteadyState steadyState = settled(20).steadyState();
		assertThat(steadyState.verdict()).isEqualTo(Outcome.NOT_MEASURED);
		assertThat(steadyState.reason()).contains("the baseline has 3 requests",
				"fewer than chaos.hypothesis.min-requests (10)");
	}

	@Test
	void withoutAHypothesisTheVerdictIsNotMeasuredButEndpointsAreReported() {
		this.chaos.enable();
		drive("/api/quiet/", 4);
		ResilienceReport report = settled(4);
		assertThat(report.steadyState().verdict()).isEqualTo(Outcome.NOT_MEASURED);
		assertThat(report.steadyState().reason()).contains("no hypothesis is set");
		assertThat(report.endpoint("GET /api/quiet/{id}").requests()).isEqualTo(4);
	}

	@Test
	void aResponseThatRevealsTheInjectedExceptionIsALeak() {
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("describe-down", Map.of("target",
				Map.of("methods", List.of("describe")), "exception", Map.of("type", "java.lang.IllegalStateException",
						"message", "inventory database unreachable")))));
		int[] during = drive("/api/leaky/", 3);
		ResilienceReport report = settled(3);
		assertThat(during[1]).isEqualTo(3);
		assertThat(report.endpoint("GET /api/leaky/{id}").injectedReachedCaller()).isEqualTo(3);
		assertThat(report.leaks()).hasSize(3).allSatisfy((leak) -> {
			assertThat(leak.endpoint()).isEqualTo("GET /api/leaky/{id}");
			assertThat(leak.status()).isEqualTo(500);
			assertThat(leak.leaked()).containsExactly("exception class name", "stack frame", "injected message",
					"package name");
			assertThat(leak.sample()).contains("java.lang.IllegalStateException").hasSizeLessThanOrEqualTo(120);
		});
	}

	@Test
	void theStartersOwnErrorResponseIsNoLeak() {
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("answer-503", Map.of("target",
				Map.of("http", Map.of("paths", List.of("/api/quiet/**"))), "error-response", Map.of("status", 503)))));
		int[] during = drive("/api/quiet/", 4);
		ResilienceReport report = settled(4);
		assertThat(during[1]).isEqualTo(4);
		ServiceReport.EndpointReport quiet = report.endpoints()
			.stream()
			.filter((endpoint) -> endpoint.endpoint().startsWith("GET "))
			.findFirst()
			.orElseThrow();
		assertThat(quiet.injectedReachedCaller()).isEqualTo(4);
		assertThat(report.leaks()).isEmpty();
	}

	@Test
	void theTimelineAddsUpToWhatWasServedAndInjected() {
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("orders-down", Map.of("target",
				Map.of("methods", List.of("find")), "probability", 0.5,
				"exception", Map.of("type", "java.lang.IllegalArgumentException")))));
		int[] during = drive("/api/orders/", 30);
		ResilienceReport report = settled(30);
		List<ServiceReport.TimelineBucket> timeline = report.timeline();
		assertThat(timeline).isNotEmpty().hasSizeLessThanOrEqualTo(120);
		assertThat(timeline.stream().mapToLong(ServiceReport.TimelineBucket::requests).sum()).isEqualTo(30);
		assertThat(timeline.stream().mapToLong(ServiceReport.TimelineBucket::errors).sum()).isEqualTo(during[1]);
		assertThat(timeline.stream().mapToLong(ServiceReport.TimelineBucket::injections).sum())
			.isEqualTo(report.injections().total());
		assertThat(timeline.get(0).at()).isEqualTo(report.since().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}

	@Test
	void aHypothesisIsSetAtRuntimeShownAndRefusedWhenWrong() throws Exception {
		HttpResponse<String> set = post("{\"hypothesis\": {\"paths\": [\"/api/**\"], \"max-error-rate\": 0.02, "
				+ "\"max-latency\": \"800ms\"}}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(this.chaos.state().hypothesis())
			.isEqualTo(new Chaos.Hypothesis(List.of("/api/**"), 0.02, Duration.ofMillis(800), Duration.ofMinutes(5), 10));
		assertThat(set.body()).contains("\"hypothesis\"", "\"maxErrorRate\":0.02");
		for (String[] bad : new String[][] { { "{\"hypothesis\": {\"max-error-rate\": 1.5}}", "chaos.hypothesis.max-error-rate" },
				{ "{\"hypothesis\": {\"max-latency\": \"-1s\"}}", "chaos.hypothesis.max-latency" },
				{ "{\"hypothesis\": {\"max-error-rate\": 0.1, \"min-requests\": 0}}", "chaos.hypothesis.min-requests" },
				{ "{\"hypothesis\": {\"max-error-rate\": 0.1, \"baseline\": \"2h\"}}", "chaos.hypothesis.baseline" },
				{ "{\"hypothesis\": {\"max-error-rate\": 0.1, \"paths\": [\"api\"]}}", "chaos.hypothesis.paths[0]" },
				{ "{\"hypothesis\": {\"max-eror-rate\": 0.1}}", "chaos.hypothesis" } }) {
			HttpResponse<String> refused = post(bad[0]);
			assertThat(refused.statusCode()).as(bad[0] + " -> " + refused.body()).isEqualTo(400);
			assertThat(refused.body()).as(bad[0]).contains("\"field\":\"" + bad[1]);
		}
		HttpResponse<String> clear = post("{\"hypothesis\": {\"max-error-rate\": null}}");
		assertThat(clear.statusCode()).as(clear.body()).isEqualTo(200);
		assertThat(this.chaos.state().hypothesis().maxErrorRate()).isNull();
		assertThat(this.chaos.state().hypothesis().maxLatency()).isEqualTo(Duration.ofMillis(800));
		assertThat(post("{\"hypothesis\": null}").statusCode()).isEqualTo(200);
		assertThat(this.chaos.state().hypothesis()).isNull();
		HttpResponse<String> empty = post("{\"hypothesis\": {}}");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
		assertThat(empty.body()).contains("\"field\":\"chaos.hypothesis\"", "max-error-rate, max-latency or both");
		assertThat(this.chaos.state().hypothesis()).isNull();
	}

	/**
	 * Read the report once it has recorded every request sent while chaos ran: a client
	 * may read a response before the server has finished reporting it.
	 */
	private ResilienceReport settled(long requests) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		ResilienceReport report = this.chaos.report();
		while (served(report) < requests && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			report = this.chaos.report();
		}
		assertThat(served(report)).as("requests recorded").isEqualTo(requests);
		return report;
	}

	/**
	 * The report reads the endpoints before the hypothesis' figures, so that once
	 * {@link #settled} sees every request in the endpoints the figures count them all.
	 */
	private static void assertCounted(ServiceReport.SteadyState steadyState, long sent) {
		assertThat(steadyState.during().requests()).isEqualTo(sent);
	}

	private static long served(ResilienceReport report) {
		return report.endpoints().stream().mapToLong(ServiceReport.EndpointReport::requests).sum();
	}

	private void hypothesis(Map<String, Object> figures) {
		Map<String, Object> hypothesis = new HashMap<>(figures);
		hypothesis.put("baseline", WINDOWS.incrementAndGet() + "s");
		this.chaos.change(Map.of("hypothesis", hypothesis));
	}

	private static long millis(String duration) {
		if (duration.endsWith("ms")) {
			return Long.parseLong(duration.substring(0, duration.length() - 2));
		}
		if (duration.endsWith("us")) {
			return Long.parseLong(duration.substring(0, duration.length() - 2)) / 1000;
		}
		if (duration.endsWith("s")) {
			return Long.parseLong(duration.substring(0, duration.length() - 1)) * 1000;
		}
		throw new IllegalArgumentException(duration);
	}

	/**
	 * Send requests and count what came back: {@code [2xx, 5xx]}.
	 */
	private int[] drive(String path, int requests) {
		int[] counts = new int[2];
		for (int i = 0; i < requests; i++) {
			try {
				String uri = "http://localhost:" + this.port + path + (path.endsWith("/") ? String.valueOf(i) : "");
				HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() >= 500) {
					counts[1]++;
				}
				else if (response.statusCode() < 300) {
					counts[0]++;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return counts;
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/chaos"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
