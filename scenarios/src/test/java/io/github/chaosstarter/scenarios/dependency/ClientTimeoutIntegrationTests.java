package io.github.chaosstarter.scenarios.dependency;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.scenarios.fixture.Outcome;
import io.github.chaosstarter.scenarios.dependency.fixture.DependencyApplication;
import io.github.chaosstarter.scenarios.dependency.fixture.SlowServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injected latency on an outbound call meets the timeout the application configured for
 * its client, and an unavailable dependency fails as a really gone one: each compared
 * with the real thing — a server that really answers late, a port where nothing listens
 * — through the same client. The read timeout is Spring Boot's own property (one second);
 * the clients are built from Boot's builders, with Boot's detected request factory and
 * with explicitly chosen ones.
 */
@SpringBootTest(classes = DependencyApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "chaos.enabled=true", "spring.http.clients.read-timeout=1s",
				"spring.http.client.read-timeout=1s", "spring.http.reactiveclient.read-timeout=1s" })
class ClientTimeoutIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static SlowServer dependency;

	@Autowired
	Chaos chaos;

	@Autowired
	RestClient.Builder restClients;

	@Autowired
	WebClient.Builder webClients;

	@BeforeAll
	static void start() throws IOException {
		dependency = new SlowServer();
	}

	@AfterAll
	static void stop() {
		dependency.close();
	}

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
	}

	@Test
	void latencyPastTheReadTimeoutFailsAsAReallySlowServerDoesWithBootsDetectedClient() {
		compareWithSlowServer(() -> this.restClients.baseUrl(dependency.url()).build());
	}

	@Test
	void latencyPastTheReadTimeoutFailsAsAReallySlowServerDoesWithTheJdkClient() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newHttpClient());
		factory.setReadTimeout(TIMEOUT);
		compareWithSlowServer(() -> this.restClients.baseUrl(dependency.url()).requestFactory(factory).build());
	}

	@Test
	void latencyPastTheReadTimeoutFailsAsAReallySlowServerDoesWithHttpUrlConnection() {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setReadTimeout(TIMEOUT);
		compareWithSlowServer(() -> this.restClients.baseUrl(dependency.url()).requestFactory(factory).build());
	}

	@Test
	void latencyPastTheResponseTimeoutFailsAsAReallySlowServerDoesWithWebClient() {
		WebClient client = this.webClients.baseUrl(dependency.url()).build();
		Outcome real = Outcome.of(() -> client.get().uri("/slow/3000").retrieve().bodyToMono(String.class).block());
		slowFast(Duration.ofSeconds(3));
		int before = dependency.requests();
		Outcome injected = Outcome.of(() -> client.get().uri("/fast").retrieve().bodyToMono(String.class).block());
		assertSameTimeout(real, injected);
		assertThat(injected.failure()).isInstanceOf(WebClientRequestException.class);
		assertThat(((WebClientRequestException) injected.failure()).getUri().getPath()).isEqualTo("/fast");
		assertThat(dependency.requests()).as("the timed-out exchange is never sent").isEqualTo(before);
	}

	@Test
	void latencyWithinTheTimeoutDelaysTheCallWhichThenSucceeds() {
		RestClient restClient = this.restClients.baseUrl(dependency.url()).build();
		WebClient webClient = this.webClients.baseUrl(dependency.url()).build();
		slowFast(Duration.ofMillis(400));
		Outcome blocking = Outcome.of(() -> restClient.get().uri("/fast").retrieve().body(String.class));
		Outcome reactive = Outcome.of(() -> webClient.get().uri("/fast").retrieve().bodyToMono(String.class).block());
		for (Outcome outcome : List.of(blocking, reactive)) {
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.value()).isEqualTo("answer");
			assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(380)).isLessThan(TIMEOUT);
		}
	}

	@Test
	void unavailableFailsAsARefusedConnection() throws IOException {
		String gone = "http://localhost:" + closedPort();
		RestClient restClient = this.restClients.build();
		WebClient webClient = this.webClients.build();
		Outcome realBlocking = Outcome.of(() -> restClient.get().uri(gone + "/fast").retrieve().body(String.class));
		Outcome realReactive = Outcome
			.of(() -> webClient.get().uri(gone + "/fast").retrieve().bodyToMono(String.class).block());
		this.chaos.assault("payments-down")
			.target((target) -> target.client((client) -> client.hosts("localhost").paths("/fast")))
			.unavailable()
			.apply();
		this.chaos.enable();
		int before = dependency.requests();
		String up = dependency.url();
		Outcome injectedBlocking = Outcome.of(() -> restClient.get().uri(up + "/fast").retrieve().body(String.class));
		Outcome injectedReactive = Outcome
			.of(() -> webClient.get().uri(up + "/fast").retrieve().bodyToMono(String.class).block());
		assertThat(dependency.requests()).as("an unavailable dependency receives nothing").isEqualTo(before);
		for (Outcome[] pair : new Outcome[][] { { realBlocking, injectedBlocking },
				{ realReactive, injectedReactive } }) {
			Outcome real = pair[0];
			Outcome injected = pair[1];
			assertThat(real.failure()).as("the real refusal").isNotNull().hasRootCauseInstanceOf(ConnectException.class);
			assertThat(injected.failure()).isNotNull().isExactlyInstanceOf(real.failure().getClass());
			assertThat(injected.failure()).hasCauseInstanceOf(ConnectException.class);
			assertThat(injected.elapsed()).isLessThan(TIMEOUT);
			assertThat(InjectedFaults.injectedIn(injected.failure(), 10)).isNotNull();
			assertThat(InjectedFaults.injectedIn(real.failure(), 10)).isNull();
		}
	}

	@Test
	void dryRunNeitherDelaysNorFails() {
		RestClient client = this.restClients.baseUrl(dependency.url()).build();
		slowFast(Duration.ofSeconds(3));
		this.chaos.change(java.util.Map.of("dry-run", true));
		Outcome outcome = Outcome.of(() -> client.get().uri("/fast").retrieve().body(String.class));
		assertThat(outcome.failure()).isNull();
		assertThat(outcome.elapsed()).isLessThan(TIMEOUT);
		assertThat(this.chaos.state().assaults().get("slow").dryRunHits()).isEqualTo(1);
	}

	private void compareWithSlowServer(Supplier<RestClient> clients) {
		RestClient client = clients.get();
		Outcome real = Outcome.of(() -> client.get().uri("/slow/3000").retrieve().body(String.class));
		slowFast(Duration.ofSeconds(3));
		int before = dependency.requests();
		Outcome injected = Outcome.of(() -> client.get().uri("/fast").retrieve().body(String.class));
		assertSameTimeout(real, injected);
		assertThat(injected.failure()).hasMessageContaining(dependency.url() + "/fast");
		assertThat(dependency.requests()).as("the real call is made, as to a slow server").isEqualTo(before + 1);
	}

	private void slowFast(Duration delay) {
		this.chaos.assault("slow")
			.target((target) -> target.client((client) -> client.hosts("localhost").paths("/fast")))
			.latency(delay)
			.apply();
		this.chaos.enable();
	}

	private static void assertSameTimeout(Outcome real, Outcome injected) {
		assertThat(real.failure()).as("the really slow server times out").isNotNull();
		assertThat(injected.failure()).as("the injected latency times out").isNotNull();
		assertThat(injected.causes()).as("the same exceptions, from the client itself").isEqualTo(real.causes());
		for (Outcome outcome : List.of(real, injected)) {
			assertThat(outcome.elapsed()).as("after the client's own timeout, not after the delay")
				.isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100))
				.isLessThan(Duration.ofMillis(2800));
		}
		assertThat(InjectedFaults.injectedIn(injected.failure(), 10)).as("the timeout counts as injected").isNotNull();
		assertThat(InjectedFaults.injectedIn(real.failure(), 10)).as("the real one does not").isNull();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
