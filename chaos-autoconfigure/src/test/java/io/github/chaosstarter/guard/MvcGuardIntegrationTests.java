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

import io.github.chaosstarter.fixtures.web.MvcTestApplication;
import io.github.chaosstarter.fixtures.web.MvcTestApplication.RecordedChanges;
import io.github.chaosstarter.runtime.ChaosChange;
import io.github.chaosstarter.runtime.ChaosRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard halts chaos when the share of 5xx responses, injected ones included, exceeds
 * {@code chaos.guard.max-error-rate}, in a Spring MVC application over real HTTP.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chaos.enabled=true", "chaos.watch.kinds=service", "chaos.guard.max-error-rate=0.5",
				"chaos.guard.window=30s", "chaos.assaults.broken.target.http.paths=/api/guarded",
				"chaos.assaults.broken.error-response.status=500" })
class MvcGuardIntegrationTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ChaosRuntime runtime;

	@Autowired
	RecordedChanges changes;

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
		ChaosChange halt = this.changes.changes().get(this.changes.changes().size() - 1);
		assertThat(halt.actor()).isEqualTo("guard");
		assertThat(halt.description()).startsWith("5xx rate 0.52 over 30s")
			.contains("exceeded chaos.guard.max-error-rate 0.5");
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
