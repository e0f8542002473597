package io.github.chaosstarter.guard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.fixtures.web.WebFluxTestApplication;
import io.github.chaosstarter.runtime.ChaosRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard halts chaos when the share of 5xx responses, injected ones included, exceeds
 * {@code chaos.guard.max-error-rate}, in a WebFlux application over real HTTP.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "chaos.enabled=true", "chaos.watch.kinds=service",
				"chaos.guard.max-error-rate=0.5", "chaos.guard.window=30s",
				"chaos.assaults.broken.target.http.paths=/api/guarded",
				"chaos.assaults.broken.error-response.status=500" })
class WebFluxGuardIntegrationTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ChaosRuntime runtime;

	@Test
	void guardHaltsChaosOnceTheErrorRateExceedsTheLimit() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/static")).isEqualTo(200);
		}
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/guarded")).isEqualTo(500);
		}
		assertThat(this.runtime.current().enabled()).as("10 of 20 is not above 0.5").isTrue();
		assertThat(get("/api/guarded")).isEqualTo(500);
		awaitHalted();
		assertThat(get("/api/guarded")).isEqualTo(200);
	}

	private void awaitHalted() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.runtime.current().enabled() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.runtime.current().enabled()).isFalse();
	}

	private int get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
