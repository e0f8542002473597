package io.github.chaosstarter.scenarios.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.web.fixture.WebFluxTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error responses and request targeting in a WebFlux application, over real HTTP.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "chaos.assaults.bean-503.target.methods=find*" })
class WebFluxChaosIntegrationTests extends AbstractWebChaosIntegrationTests {

	@Test
	void reactiveBeanErrorResponseWinsOverApplicationAdvice() {
		Http.Response response = this.http.get("/api/reactive-orders/7", "X-Case", "bean-503");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.body()).contains("\"status\":503").doesNotContain("LEAK", "Exception", "Chaos assault");
	}

}
