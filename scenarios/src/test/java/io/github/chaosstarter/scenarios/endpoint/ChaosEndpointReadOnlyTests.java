package io.github.chaosstarter.scenarios.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code chaos} endpoint exposed without {@code access=unrestricted}: read only.
 */
@SpringBootTest(classes = EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", AbstractChaosEndpointHttpTests.EXPOSE })
class ChaosEndpointReadOnlyTests {

	@LocalServerPort
	int port;

	@Test
	void writeOperationsAreRefusedByDefault() {
		Http http = new Http(this.port);
		String before = http.get("/actuator/chaos").body();
		assertThat(http.get("/actuator/chaos").status()).isEqualTo(200);
		assertThat(http.post("/actuator/chaos", AbstractChaosEndpointHttpTests.BOOM).status()).isIn(404, 405);
		assertThat(http.delete("/actuator/chaos").status()).isIn(404, 405);
		assertThat(http.delete("/actuator/chaos/report").status()).isIn(404, 405);
		assertThat(http.get("/actuator/chaos").json()).containsEntry("enabled", false);
		assertThat(http.get("/actuator/chaos").body()).isEqualTo(before);
	}

}
