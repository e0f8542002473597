package io.github.chaosstarter.endpoint;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos never locks its own off switch when the actuator runs on a management port of its
 * own: request-level assaults on {@code /**} attack the application's port only.
 */
abstract class AbstractManagementPortOffSwitchTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	HttpJson application;

	HttpJson management;

	@BeforeEach
	void halt() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		this.application = new HttpJson(this.port, Duration.ofSeconds(30), true);
		this.management = new HttpJson(this.managementPort, Duration.ofSeconds(10), true);
		assertThat(this.management.delete("/actuator/chaos").status()).isEqualTo(200);
	}

	@Test
	void errorResponseOnEveryPathLeavesTheManagementPortWorking() {
		lock("\"error-response\": {\"status\": 503}");
		assertThat(this.application.get("/api/static").status()).as("an application path is attacked").isEqualTo(503);
		assertThat(this.management.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.management.get("/actuator/chaos").status()).isEqualTo(200);
		HttpJson.Response halted = this.management.delete("/actuator/chaos");
		assertThat(halted.status()).isEqualTo(200);
		assertThat(halted.json()).containsEntry("enabled", false);
		assertThat(this.application.get("/api/static").status()).isEqualTo(200);
	}

	@Test
	void latencyOnEveryPathNeverSlowsTheManagementPort() {
		lock("\"latency\": {\"min\": \"60s\"}");
		// a 60 s delay would exceed the client's 10 s timeout: each answer proves none
		// was injected
		assertThat(this.management.get("/actuator/health").status()).isEqualTo(200);
		HttpJson.Response halted = this.management.delete("/actuator/chaos");
		assertThat(halted.status()).isEqualTo(200);
		assertThat(halted.json()).containsEntry("enabled", false);
	}

	private void lock(String effect) {
		HttpJson.Response response = this.management.post("/actuator/chaos",
				"{\"enabled\": true, \"assaults\": {\"lock\": {\"target\": {\"http\": {\"paths\": [\"/**\"]}}, "
						+ effect + "}}}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

}
