package io.github.chaosstarter.compat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code chaos} endpoint exposed on Spring Boot 3.5 without
 * {@code management.endpoint.chaos.access=unrestricted}: read only, as on Boot 4.
 */
@SpringBootTest(classes = Boot3ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", EndpointOnBoot3HttpTests.EXPOSE })
class EndpointReadOnlyOnBoot3HttpTests {

	@LocalServerPort
	int port;

	@Test
	void writeOperationsAreRefusedWithoutUnrestrictedAccess() {
		Boot3Http http = new Boot3Http(this.port);
		String before = http.get("/actuator/chaos").body();
		assertThat(http.get("/actuator/chaos").status()).isEqualTo(200);
		assertThat(http.post("/actuator/chaos", EndpointOnBoot3HttpTests.BOOM).status()).isIn(404, 405);
		assertThat(http.delete("/actuator/chaos").status()).isIn(404, 405);
		assertThat(http.delete("/actuator/chaos/report").status()).isIn(404, 405);
		assertThat(http.get("/actuator/chaos").json()).containsEntry("enabled", false);
		assertThat(http.get("/actuator/chaos").body()).isEqualTo(before);
	}

}
