package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos never locks its own off switch: request-level assaults on {@code /**} leave every
 * actuator endpoint, the chaos endpoint's halt included, untouched, while the
 * application's own paths are attacked. Run on Spring MVC and WebFlux, with the default
 * base path and with {@code management.endpoints.web.base-path=/}.
 */
abstract class AbstractOffSwitchTests {

	@LocalServerPort
	int port;

	HttpJson http;

	HttpJson impatient;

	abstract String actuator();

	@BeforeEach
	void halt() {
		this.http = new HttpJson(this.port, Duration.ofSeconds(30), true);
		this.impatient = new HttpJson(this.port, Duration.ofSeconds(10), true);
		assertThat(this.http.delete(actuator() + "/chaos").status()).isEqualTo(200);
	}

	@Test
	void errorResponseOnEveryPathLeavesTheActuatorAndTheHaltWorking() {
		post("\"error-response\": {\"status\": 503}");
		assertThat(this.http.get("/api/static").status()).as("an application path is attacked").isEqualTo(503);
		assertThat(this.http.get(actuator() + "/health").status()).isEqualTo(200);
		assertThat(this.http.get(actuator() + "/chaos").status()).isEqualTo(200);
		assertThat(this.http.get(actuator() + "/chaos/report").status()).isEqualTo(200);
		HttpJson.Response halted = this.http.delete(actuator() + "/chaos");
		assertThat(halted.status()).isEqualTo(200);
		assertThat(halted.json()).containsEntry("enabled", false);
		assertThat(this.http.get("/api/static").status()).isEqualTo(200);
	}

	@Test
	void exceptionOnEveryPathLeavesTheActuatorWorking() {
		post("\"exception\": {\"message\": \"everything fails\"}");
		assertThat(this.http.get("/api/static").status()).as("an application path is attacked").isEqualTo(500);
		assertThat(this.http.get(actuator() + "/health").status()).isEqualTo(200);
		assertThat(this.http.delete(actuator() + "/chaos").status()).isEqualTo(200);
	}

	@Test
	void latencyOnEveryPathNeverSlowsTheHalt() {
		post("\"latency\": {\"min\": \"60s\"}");
		// a 60 s delay would exceed the client's 10 s timeout: each answer proves none
		// was injected
		assertThat(this.impatient.get(actuator() + "/health").status()).isEqualTo(200);
		assertThat(this.impatient.get(actuator() + "/chaos").status()).isEqualTo(200);
		HttpJson.Response halted = this.impatient.delete(actuator() + "/chaos");
		assertThat(halted.status()).isEqualTo(200);
		assertThat(halted.json()).containsEntry("enabled", false);
	}

	@Test
	void guardDoesNotCountActuatorResponses() {
		post("\"guard\": {\"max-error-rate\": 0.5}", "\"error-response\": {\"status\": 503}");
		for (int i = 0; i < 10; i++) {
			assertThat(this.http.get("/api/static").status()).isIn(200, 503);
			for (int j = 0; j < 3; j++) {
				assertThat(this.http.get(actuator() + "/health").status()).isEqualTo(200);
			}
		}
		// 10 of 10 application responses failed; with the 30 health checks counted the
		// rate
		// would be 0.25 and the guard would not halt
		Map<String, Object> state = this.http.get(actuator() + "/chaos").json();
		assertThat(state).containsEntry("enabled", false);
		assertThat(lastChange(state)).containsEntry("actor", "guard");
	}

	private void post(String effect) {
		post("\"dry-run\": false", effect);
	}

	private void post(String topLevel, String effect) {
		HttpJson.Response response = this.http.post(actuator() + "/chaos", "{\"enabled\": true, " + topLevel
				+ ", \"assaults\": {\"lock\": {\"target\": {\"http\": {\"paths\": [\"/**\"]}}, " + effect + "}}}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true);
		assertThat(assaults(response.json())).containsKey("lock");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> assaults(Map<String, Object> state) {
		return (Map<String, Object>) state.get("assaults");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> lastChange(Map<String, Object> state) {
		List<Map<String, Object>> history = (List<Map<String, Object>>) state.get("history");
		return history.get(history.size() - 1);
	}

}
