package io.github.chaosstarter.compat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.DispatcherHandler;

import io.github.chaosstarter.compat.Boot3ShopApplication.AuditService;

import static io.github.chaosstarter.compat.EndpointOnBoot3HttpTests.assault;
import static io.github.chaosstarter.compat.EndpointOnBoot3HttpTests.assaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The {@code chaos} endpoint over real HTTP in a reactive Spring Boot 3.5 application
 * (WebFlux on Reactor Netty): the starter's body reader for nested JSON works with Boot
 * 3.5's WebFlux actuator too.
 */
@SpringBootTest(classes = Boot3ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", EndpointOnBoot3HttpTests.EXPOSE,
				EndpointOnBoot3HttpTests.UNRESTRICTED, "chaos.assaults.baseline.target.methods=neverCalled",
				"chaos.assaults.baseline.latency.min=1ms" })
class EndpointOnBoot3WebFluxHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditService audit;

	Boot3Http http;

	@BeforeEach
	void halt() {
		this.http = new Boot3Http(this.port);
		assertThat(this.http.delete("/actuator/chaos").status()).isEqualTo(200);
	}

	@Test
	void applicationIsReactive() {
		assertThat(this.context.getBeanNamesForType(DispatcherHandler.class)).isNotEmpty();
	}

	@Test
	void getShowsTheConfiguredState() {
		Boot3Http.Response response = this.http.get("/actuator/chaos");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", false).containsEntry("duration", "0s");
		assertThat(assaults(response.json())).containsOnlyKeys("baseline");
	}

	@Test
	void postEnablesAnAssaultThatBitesAWatchedBean() {
		Boot3Http.Response response = this.http.post("/actuator/chaos", EndpointOnBoot3HttpTests.BOOM);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).containsEntry("enabled", true);
		assertThatIllegalStateException().isThrownBy(() -> this.audit.audit("login"))
			.withMessage("Chaos assault 'boom': boom");
		assertThat(assault(this.http.get("/actuator/chaos").json(), "boom")).containsEntry("injected", 1);
	}

	@Test
	void postWithInvalidProbabilityIsRefusedNamingThePropertyAndChangesNothing() {
		String before = this.http.get("/actuator/chaos").body();
		Boot3Http.Response response = this.http.post("/actuator/chaos",
				"{\"enabled\": true, \"assaults\": {\"x\": {\"probability\": 1.5, \"exception\": {\"message\": \"m\"}}}}");
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		Map<String, Object> error = response.json();
		assertThat(error).containsEntry("error", "Bad Request").containsEntry("field", "chaos.assaults.x.probability");
		assertThat(this.http.get("/actuator/chaos").body()).isEqualTo(before);
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
		assertThatNoException().isThrownBy(() -> this.audit.audit("login"));
	}

	@Test
	void reportIsServedAndOtherSubPathsAreNotFound() {
		Boot3Http.Response report = this.http.get("/actuator/chaos/report");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json()).containsKeys("since", "injections", "circuitBreakers", "retries", "fallbacks",
				"timeLimiters", "unprotected");
		assertThat(this.http.get("/actuator/chaos/other").status()).isEqualTo(404);
	}

}
