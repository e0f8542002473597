package io.github.chaosstarter.compat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.compat.Boot3ShopApplication.AuditService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The {@code chaos} endpoint over real HTTP in a Spring Boot 3.5 Spring MVC application
 * (Jackson 2 writes its JSON): read the state, change it, refuse bad input, halt, and
 * halt by itself after a {@code duration}.
 */
@SpringBootTest(classes = Boot3ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", EndpointOnBoot3HttpTests.EXPOSE,
				EndpointOnBoot3HttpTests.UNRESTRICTED, "chaos.assaults.baseline.target.methods=neverCalled",
				"chaos.assaults.baseline.latency.min=1ms" })
class EndpointOnBoot3HttpTests {

	static final String EXPOSE = "management.endpoints.web.exposure.include=chaos";

	static final String UNRESTRICTED = "management.endpoint.chaos.access=unrestricted";

	static final String BOOM = """
			{"enabled": true, "assaults": {"boom": {"target": {"methods": ["audit"]},
			  "exception": {"type": "java.lang.IllegalStateException", "message": "boom"}}}}""";

	@LocalServerPort
	int port;

	@Autowired
	AuditService audit;

	Boot3Http http;

	@BeforeEach
	void halt() {
		this.http = new Boot3Http(this.port);
		assertThat(this.http.delete("/actuator/chaos").status()).isEqualTo(200);
	}

	@Test
	void getShowsTheConfiguredState() {
		Boot3Http.Response response = this.http.get("/actuator/chaos");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> state = response.json();
		assertThat(state).containsEntry("enabled", false)
			.containsEntry("dryRun", false)
			.containsEntry("duration", "0s");
		assertThat(state).containsKeys("guard", "history");
		assertThat(state.get("enabledAt")).isNull();
		assertThat(assaults(state)).containsOnlyKeys("baseline");
		assertThat(assault(state, "baseline")).containsEntry("target", Map.of("methods", List.of("neverCalled")))
			.containsEntry("latency", Map.of("min", "1ms", "max", "1ms"))
			.containsEntry("matched", 0)
			.containsEntry("injected", 0)
			.containsEntry("dryRunHits", 0);
	}

	@Test
	void postEnablesAnAssaultThatBitesAWatchedBean() {
		Boot3Http.Response response = this.http.post("/actuator/chaos", BOOM);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true);
		assertThat(response.json().get("enabledAt")).isNotNull();
		assertThatIllegalStateException().isThrownBy(() -> this.audit.audit("login"))
			.withMessage("Chaos assault 'boom': boom");
		Map<String, Object> boom = assault(this.http.get("/actuator/chaos").json(), "boom");
		assertThat(boom).containsEntry("matched", 1).containsEntry("injected", 1);
		assertThat(boom).containsEntry("exception",
				Map.of("type", "java.lang.IllegalStateException", "message", "boom"));
		assertThat(lastChange(this.http.get("/actuator/chaos").json())).containsEntry("actor", "endpoint")
			.containsEntry("description", "POST /actuator/chaos");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBodies")
	void postWithInvalidInputIsRefusedNamingThePropertyAndChangesNothing(String description, String body,
			String field) {
		String before = this.http.get("/actuator/chaos").body();
		Boot3Http.Response response = this.http.post("/actuator/chaos", body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		Map<String, Object> error = response.json();
		assertThat(error).containsEntry("error", "Bad Request").containsEntry("field", field);
		assertThat((String) error.get("message")).startsWith(field + ": ");
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("probability out of range",
				"{\"enabled\": true, \"assaults\": {\"x\": {\"probability\": 1.5, \"exception\": {\"message\": \"m\"}}}}",
				"chaos.assaults.x.probability"),
				Arguments.of("misspelt key",
						"{\"assaults\": {\"x\": {\"probabilty\": 0.5, \"exception\": {\"message\": \"m\"}}}}",
						"chaos.assaults.x.probabilty"),
				Arguments.of("unknown exception class",
						"{\"assaults\": {\"x\": {\"exception\": {\"type\": \"com.example.NoSuchException\"}}}}",
						"chaos.assaults.x.exception.type"));
	}

	@Test
	void postWithMalformedJsonIsRefusedAndChangesNothing() {
		String before = this.http.get("/actuator/chaos").body();
		assertThat(this.http.post("/actuator/chaos", "{\"enabled\": tr").status()).isEqualTo(400);
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
	}

	@Test
	void postOfANullAssaultRemovesIt() {
		this.http.post("/actuator/chaos", BOOM);
		Boot3Http.Response response = this.http.post("/actuator/chaos", """
				{"assaults": {"boom": null}}""");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true);
		assertThat(assaults(response.json())).containsOnlyKeys("baseline");
		assertThatNoException().isThrownBy(() -> this.audit.audit("login"));
	}

	@Test
	void deleteHaltsAndRestoresTheConfiguredAssaults() {
		this.http.post("/actuator/chaos", """
				{"enabled": true, "assaults": {"baseline": null, "boom": {"target": {"methods": ["audit"]},
				  "exception": {"message": "boom"}}}}""");
		Boot3Http.Response response = this.http.delete("/actuator/chaos");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", false);
		assertThat(assaults(response.json())).containsOnlyKeys("baseline");
		assertThat(lastChange(response.json())).containsEntry("actor", "endpoint");
		assertThatNoException().isThrownBy(() -> this.audit.audit("login"));
	}

	@Test
	void chaosHaltsItselfAfterItsDuration() throws InterruptedException {
		Map<String, Object> state = this.http.post("/actuator/chaos", """
				{"enabled": true, "duration": "1s"}""").json();
		assertThat(state).containsEntry("enabled", true).containsEntry("duration", "1s");
		assertThat(state.get("haltAt")).isNotNull();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (Boolean.TRUE.equals(this.http.get("/actuator/chaos").json().get("enabled"))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Map<String, Object> halted = this.http.get("/actuator/chaos").json();
		assertThat(halted).containsEntry("enabled", false);
		assertThat(lastChange(halted)).containsEntry("actor", "auto-halt");
	}

	@Test
	void reportIsServedAndOtherSubPathsAreNotFound() {
		Boot3Http.Response report = this.http.get("/actuator/chaos/report");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json()).containsKeys("since", "injections", "circuitBreakers", "retries", "fallbacks",
				"timeLimiters", "unprotected");
		assertThat(this.http.get("/actuator/chaos/other").status()).isEqualTo(404);
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
