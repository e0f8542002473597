package io.github.chaosstarter.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.fixtures.web.WebFluxTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error responses and request targeting in a WebFlux application, over real HTTP.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "chaos.assaults.bean-503.target.methods=find*" })
class WebFluxChaosIntegrationTests extends AbstractWebChaosIntegrationTests {

	@Test
	void reactiveBeanErrorResponseWinsOverApplicationAdvice() {
		HttpResponse<String> response = Http.get(this.port, "/api/reactive-orders/7", "X-Case", "bean-503");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.body()).contains("\"status\":503").doesNotContain("LEAK", "Exception", "Chaos assault");
	}

}
