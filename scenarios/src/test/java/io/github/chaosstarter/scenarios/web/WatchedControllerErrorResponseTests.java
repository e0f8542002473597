package io.github.chaosstarter.scenarios.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication.DownstreamController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default {@code chaos.watch.kinds}, controllers are watched: an error response
 * injected at a controller's own method is written as the injected problem, before the
 * controller runs and without the application's advice.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "chaos.enabled=true",
				"chaos.assaults.downstream-502.target.methods=downstream",
				"chaos.assaults.downstream-502.error-response.status=502" })
class WatchedControllerErrorResponseTests {

	@LocalServerPort
	int port;

	@Autowired
	DownstreamController downstream;

	@Test
	void errorResponseThrownByAWatchedControllerIsWrittenAsTheInjectedResponse() {
		int hits = this.downstream.hits().get();
		Http.Response response = new Http(this.port).get("/downstream/stock");
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.header("X-Chaos-Assault")).hasValue("downstream-502");
		assertThat(response.header("Retry-After")).isEmpty();
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(response.json()).containsEntry("status", 502).containsEntry("title", "Bad Gateway");
		assertThat(response.body()).doesNotContain("LEAK", "Exception", "trace", "downstream");
		assertThat(this.downstream.hits()).as("the controller did not run").hasValue(hits);
	}

}
