package io.github.chaosstarter.scenarios.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication.GreetingService;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of the {@code chaos} endpoint through real HTTP: read the state, change it, refuse
 * bad input, halt, and halt by itself after a {@code duration}. Run on Spring MVC and on
 * WebFlux by the subclasses, on each Spring Boot line (and so with Jackson 3 or Jackson 2
 * writing the JSON) by the module that compiles this source.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractChaosEndpointHttpTests {

	static final String EXPOSE = "management.endpoints.web.exposure.include=chaos";

	static final String UNRESTRICTED = "management.endpoint.chaos.access=unrestricted";

	static final String BASELINE_TARGET = "chaos.assaults.baseline.target.methods=neverCalled";

	static final String BASELINE_EFFECT = "chaos.assaults.baseline.latency.min=1ms";

	static final String BOOM = """
			{"enabled": true, "assaults": {"boom": {"target": {"beans": ["greetingService"]},
			  "exception": {"type": "java.lang.IllegalStateException", "message": "boom"}}}}""";

	@LocalServerPort
	int port;

	@Autowired
	GreetingService greetingService;

	Http http;

	@BeforeEach
	void halt() {
		this.http = new Http(this.port);
		assertThat(this.http.delete("/actuator/chaos").status()).isEqualTo(200);
	}

	@Test
	void getShowsTheConfiguredState() {
		Map<String, Object> state = this.http.get("/actuator/chaos").json();
		assertThat(state).containsEntry("enabled", false)
			.containsEntry("dryRun", false)
			.containsEntry("duration", "0s");
		assertThat(state).containsKeys("guard", "history").doesNotContainKeys("seed", "enabledAt", "haltAt");
		assertThat(assaults(state)).containsOnlyKeys("baseline");
		assertThat(assault(state, "baseline")).containsEntry("target", Map.of("methods", List.of("neverCalled")))
			.containsEntry("latency", Map.of("min", "1ms", "max", "1ms"))
			.containsEntry("matched", 0)
			.containsEntry("injected", 0)
			.containsEntry("dryRunHits", 0)
			.containsKeys("matches", "warnings");
	}

	@Test
	void postEnablesAnAssaultThatBites() {
		Http.Response response = this.http.post("/actuator/chaos", BOOM);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true);
		assertThat(response.json().get("enabledAt")).isNotNull();
		assertThatIllegalStateException().isThrownBy(() -> this.greetingService.greet("x"))
			.withMessage("Chaos assault 'boom': boom");
		Map<String, Object> boom = assault(this.http.get("/actuator/chaos").json(), "boom");
		assertThat(boom).containsEntry("injected", 1).containsEntry("matched", 1);
		assertThat(boom).containsEntry("exception",
				Map.of("type", "java.lang.IllegalStateException", "message", "boom"));
	}

	@Test
	void postAcceptsCamelCaseAndKebabCaseInsideAnAssault() {
		String body = """
				{"dryRun": false, "assaults": {
				  "kebab": {"error-response": {"status": 503, "retry-after": "30s"}, "max-injections": 2},
				  "camel": {"errorResponse": {"status": 502, "retryAfter": "PT1M"}, "maxInjections": 3}}}""";
		Http.Response response = this.http.post("/actuator/chaos", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Object> state = response.json();
		assertThat(assault(state, "kebab")).containsEntry("errorResponse", Map.of("status", 503, "retryAfter", "30s"))
			.containsEntry("maxInjections", 2);
		assertThat(assault(state, "camel")).containsEntry("errorResponse", Map.of("status", 502, "retryAfter", "1m"))
			.containsEntry("maxInjections", 3);
	}

	@Test
	void postMergesIntoTheCurrentState() {
		this.http.post("/actuator/chaos", BOOM);
		this.http.post("/actuator/chaos", """
				{"assaults": {"slow": {"latency": {"min": "1ms"}}}}""");
		Map<String, Object> state = this.http.post("/actuator/chaos", """
				{"assaults": {"boom": null}}""").json();
		assertThat(state).containsEntry("enabled", true);
		assertThat(assaults(state)).containsOnlyKeys("baseline", "slow");
		assertThatNoException().as("the removed assault no longer bites").isThrownBy(() -> this.greetingService.greet("x"));
	}

	@Test
	void deleteHaltsAndRestoresTheConfiguredAssaults() {
		this.http.post("/actuator/chaos", """
				{"enabled": true, "assaults": {"baseline": null, "slow": {"latency": {"min": "1ms"}}}}""");
		Http.Response response = this.http.delete("/actuator/chaos");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", false);
		assertThat(assaults(response.json())).containsOnlyKeys("baseline");
		assertThat(lastChange(response.json())).containsEntry("actor", "endpoint")
			.containsEntry("description", "DELETE /actuator/chaos");
		assertThatNoException().isThrownBy(() -> this.greetingService.greet("x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBodies")
	void postWithInvalidInputIsRefusedAndChangesNothing(String description, String body, String field) {
		String before = this.http.get("/actuator/chaos").body();
		Http.Response response = this.http.post("/actuator/chaos", body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		Map<String, Object> error = response.json();
		assertThat(error).containsEntry("error", "Bad Request").containsEntry("field", field);
		assertThat((String) error.get("message")).startsWith(field + ": ");
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(
				Arguments.of("probability out of range",
						assaultBody("\"probability\": 1.5, \"exception\": {\"message\": \"m\"}"),
						"chaos.assaults.x.probability"),
				Arguments.of("unknown key", assaultBody("\"probabilty\": 0.5, \"exception\": {\"message\": \"m\"}"),
						"chaos.assaults.x.probabilty"),
				Arguments.of("wrong type",
						assaultBody("\"probability\": \"often\", \"exception\": {\"message\": \"m\"}"),
						"chaos.assaults.x.probability"),
				Arguments.of("huge integer",
						assaultBody(
								"\"max-injections\": 123456789012345678901234567890, \"latency\": {\"min\": \"1ms\"}"),
						"chaos.assaults.x.max-injections"),
				Arguments.of("huge float", assaultBody("\"probability\": 1e400, \"latency\": {\"min\": \"1ms\"}"),
						"chaos.assaults.x.probability"),
				Arguments.of("huge seed", "{\"seed\": 123456789012345678901234567890}", "chaos.seed"),
				Arguments.of("non-object assault", "{\"assaults\": {\"x\": 5}}", "chaos.assaults.x"),
				Arguments.of("list as assaults", "{\"assaults\": [1, 2]}", "chaos.assaults"),
				Arguments.of("deeply nested junk",
						assaultBody("\"target\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40)
								+ ", \"latency\": {\"min\": \"1ms\"}"),
						"chaos.assaults.x.target.a"),
				Arguments.of("two effects",
						assaultBody("\"latency\": {\"min\": \"1ms\"}, \"exception\": {\"message\": \"m\"}"),
						"chaos.assaults.x.latency"),
				Arguments.of("no effect", assaultBody("\"probability\": 0.5"), "chaos.assaults.x"),
				Arguments.of("unknown exception class",
						assaultBody("\"exception\": {\"type\": \"com.example.NoSuchException\"}"),
						"chaos.assaults.x.exception.type"),
				Arguments.of("not a boolean", "{\"enabled\": \"maybe\"}", "chaos.enabled"),
				Arguments.of("negative duration", "{\"duration\": \"-1s\"}", "chaos.duration"),
				Arguments.of("not a duration", "{\"duration\": \"soon\"}", "chaos.duration"),
				Arguments.of("misspelt top-level key", "{\"enabeld\": true}", "chaos.enabeld"),
				Arguments.of("one of several assaults invalid",
						"{\"enabled\": true, \"assaults\": {\"good\": {\"latency\": {\"min\": \"1ms\"}}, "
								+ "\"bad\": {\"latency\": {\"min\": \"2s\", \"max\": \"1s\"}}}}",
						"chaos.assaults.bad.latency.min"),
				Arguments.of("kill without allow-kill", assaultBody("\"kill\": {\"mode\": \"abrupt\"}"),
						"chaos.assaults.x.kill"),
				Arguments.of("misspelt key next to a valid one", "{\"enabled\": true, \"gaurd\": {}}", "chaos.gaurd"),
				Arguments.of("unknown key next to a valid one", "{\"enabled\": true, \"unknownField\": 1}",
						"chaos.unknownField"),
				Arguments.of("startup-only key", "{\"enabled\": true, \"watch\": {\"kinds\": [\"component\"]}}",
						"chaos.watch"),
				Arguments.of("object for a boolean", "{\"enabled\": {}}", "chaos.enabled"),
				Arguments.of("null for a boolean", "{\"enabled\": null}", "chaos.enabled"),
				Arguments.of("huge duration", "{\"enabled\": true, \"duration\": 9223372036854775807}",
						"chaos.duration"),
				Arguments.of("huge guard window",
						"{\"enabled\": true, \"guard\": {\"max-error-rate\": 0.5, \"window\": \"P1000000D\"}}",
						"chaos.guard.window"),
				Arguments.of("huge retry-after", assaultBody("\"error-response\": {\"retry-after\": \"P100000D\"}"),
						"chaos.assaults.x.error-response.retry-after"),
				Arguments.of("negative max latency", assaultBody("\"latency\": {\"max\": \"-1ms\"}"),
						"chaos.assaults.x.latency.max"),
				Arguments.of("null header value",
						assaultBody("\"target\": {\"http\": {\"headers\": {\"X-Chaos\": null}}}, "
								+ "\"error-response\": {}"),
						"chaos.assaults.x.target.http.headers.X-Chaos"),
				Arguments.of("headers as a list",
						assaultBody("\"target\": {\"http\": {\"headers\": [\"X-Chaos\"]}}, \"error-response\": {}"),
						"chaos.assaults.x.target.http.headers"),
				Arguments.of("empty headers",
						assaultBody("\"target\": {\"http\": {\"headers\": {}}}, \"error-response\": {}"),
						"chaos.assaults.x.target.http.headers"),
				Arguments.of("target as a list", assaultBody("\"target\": [], \"exception\": {}"),
						"chaos.assaults.x.target"),
				Arguments.of("empty target", assaultBody("\"target\": {}, \"exception\": {}"),
						"chaos.assaults.x.target"),
				Arguments.of("empty http", assaultBody("\"target\": {\"http\": {}}, \"exception\": {}"),
						"chaos.assaults.x.target.http"),
				Arguments.of("empty list of beans", assaultBody("\"target\": {\"beans\": []}, \"exception\": {}"),
						"chaos.assaults.x.target.beans"),
				Arguments.of("null target", assaultBody("\"target\": null, \"exception\": {}"),
						"chaos.assaults.x.target"),
				Arguments.of("misspelt key given an empty object", assaultBody("\"probabilty\": {}, \"exception\": {}"),
						"chaos.assaults.x.probabilty"),
				Arguments.of("unknown effect key given an empty object", assaultBody("\"exception\": {\"typo\": {}}"),
						"chaos.assaults.x.exception.typo"),
				Arguments.of("allowKill cannot be posted",
						"{\"allowKill\": true, \"assaults\": {\"x\": {\"kill\": {\"mode\": \"graceful\"}}}}",
						"chaos.allow-kill"));
	}

	@Test
	void dryRunInKebabCaseIsHonoured() {
		Http.Response response = this.http.post("/actuator/chaos", """
				{"enabled": true, "dry-run": true, "assaults": {"boom": {"target": {"beans": ["greetingService"]},
				  "exception": {}}}}""");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true).containsEntry("dryRun", true);
		assertThatNoException().isThrownBy(() -> this.greetingService.greet("x"));
		assertThat(assault(this.http.get("/actuator/chaos").json(), "boom")).containsEntry("dryRunHits", 1)
			.containsEntry("injected", 0);
	}

	@Test
	void misspeltKeyIsNamedWithTheNearestValidOne() {
		Http.Response response = this.http.post("/actuator/chaos", """
				{"enabled": true, "duraton": "1m"}""");
		assertThat(response.status()).isEqualTo(400);
		assertThat((String) response.json().get("message")).contains("chaos.duraton")
			.contains("did you mean 'duration'?");
	}

	@Test
	void queryParametersOnAWriteAreRefused() {
		String before = this.http.get("/actuator/chaos").body();
		Http.Response response = this.http.post("/actuator/chaos?enabled=true", """
				{"dryRun": false}""");
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat((String) response.json().get("field")).isEqualTo("query parameter 'enabled'");
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void postWithMalformedJsonIsRefusedAndChangesNothing(String description, String body) {
		String before = this.http.get("/actuator/chaos").body();
		Http.Response response = this.http.post("/actuator/chaos", body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("truncated", "{\"enabled\": tr"), Arguments.of("not json", "enable it please"),
				Arguments.of("array", "[1, 2, 3]"), Arguments.of("nested beyond the parser's limit",
						"{\"assaults\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
	}

	@Test
	void killIsRefusedWithAReason() {
		Http.Response response = this.http.post("/actuator/chaos",
				assaultBody("\"kill\": {\"mode\": \"graceful\"}"));
		assertThat(response.status()).isEqualTo(400);
		assertThat((String) response.json().get("message")).contains("chaos.allow-kill=true")
			.contains("application's own configuration");
	}

	@Test
	void reportIsServedAndOtherSubPathsAreNotFound() {
		Http.Response report = this.http.get("/actuator/chaos/report");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json()).containsKeys("since", "injections", "circuitBreakers", "retries", "fallbacks",
				"timeLimiters", "unprotected");
		assertThat(this.http.delete("/actuator/chaos/report").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/chaos/other").status()).isEqualTo(404);
		assertThat(this.http.delete("/actuator/chaos/other").status()).isEqualTo(404);
	}

	@Test
	void chaosHaltsItselfAfterItsDuration() throws InterruptedException {
		Map<String, Object> state = this.http.post("/actuator/chaos", """
				{"enabled": true, "duration": "1s"}""").json();
		assertThat(state).containsEntry("enabled", true).containsEntry("duration", "1s");
		assertThat(state.get("haltAt")).isNotNull();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (Boolean.TRUE.equals(this.http.get("/actuator/chaos").json().get("enabled"))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Map<String, Object> halted = this.http.get("/actuator/chaos").json();
		assertThat(halted).containsEntry("enabled", false);
		assertThat(lastChange(halted)).containsEntry("actor", "auto-halt");
	}

	@Test
	void changeIsLoggedAndKeptInTheHistory(CapturedOutput output) {
		Map<String, Object> state = this.http.post("/actuator/chaos", BOOM).json();
		Map<String, Object> change = lastChange(state);
		assertThat(change).containsEntry("actor", "endpoint").containsEntry("description", "POST /actuator/chaos");
		assertThat(change.get("changes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("enabled", "assault 'boom' added (exception)");
		assertThat(output).contains("io.github.chaosstarter.audit")
			.contains("Chaos changed by 'endpoint'")
			.contains("(POST /actuator/chaos): enabled; assault 'boom' added (exception)");
	}

	static String assaultBody(String assault) {
		return "{\"assaults\": {\"x\": {" + assault + "}}}";
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> assaults(Map<String, Object> state) {
		return (Map<String, Object>) state.get("assaults");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> assault(Map<String, Object> state, String name) {
		return (Map<String, Object>) assaults(state).get(name);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> lastChange(Map<String, Object> state) {
		List<Map<String, Object>> history = (List<Map<String, Object>>) state.get("history");
		return history.get(history.size() - 1);
	}

}
