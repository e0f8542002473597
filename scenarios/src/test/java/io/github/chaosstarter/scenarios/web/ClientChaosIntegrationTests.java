package io.github.chaosstarter.scenarios.web;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import io.github.chaosstarter.engine.ChaosListener.Injection;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication.DownstreamController;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication.RecordedInjections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client assaults make a downstream dependency (here the application's own
 * {@code /downstream} endpoints, over real HTTP) unavailable for {@code RestClient} and
 * {@code WebClient} built from Spring Boot's builders, while inbound requests stay
 * untouched. Spring Boot's {@code RestTemplateBuilder} is in a package of its own on each
 * line: each module tests it ({@code RestTemplateBuilderChaosIntegrationTests} on Spring
 * Boot 4, {@code RestTemplateBuilderOnBoot3Tests} on Spring Boot 3.5).
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"chaos.enabled=true", "chaos.watch.kinds=service", "chaos.assaults.down.target.client.hosts=localhost",
		"chaos.assaults.down.target.client.paths=/downstream/fail/**",
		"chaos.assaults.down.exception.type=java.net.ConnectException",
		"chaos.assaults.down.exception.message=payments unreachable",
		"chaos.assaults.slow.target.client.hosts=*.localhost,localhost",
		"chaos.assaults.slow.target.client.paths=/downstream/slow/**", "chaos.assaults.slow.latency.min=300ms",
		"chaos.assaults.slow.latency.max=300ms", "chaos.assaults.fake.target.client.hosts=localhost",
		"chaos.assaults.fake.target.client.paths=/downstream/fake/**", "chaos.assaults.fake.target.client.methods=GET",
		"chaos.assaults.fake.error-response.status=503", "chaos.assaults.fake.error-response.retry-after=10s",
		"chaos.assaults.elsewhere.target.client.hosts=*.example.com",
		"chaos.assaults.elsewhere.exception.type=java.net.ConnectException" })
class ClientChaosIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder restClientBuilder;

	@Autowired
	WebClient.Builder webClientBuilder;

	@Autowired
	DownstreamController downstream;

	@Autowired
	RecordedInjections injections;

	String base;

	@BeforeEach
	void base() {
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void restClientCallFailsAsUnreachable() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		int hits = this.downstream.hits().get();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri("/downstream/fail/1").retrieve().body(String.class))
			.withCauseInstanceOf(ConnectException.class)
			.withMessageContaining("payments unreachable");
		assertThat(this.downstream.hits().get()).isEqualTo(hits);
		assertThat(client.get().uri("/downstream/ok").retrieve().body(String.class)).isEqualTo("downstream");
	}

	@Test
	void clientInjectionsAreReportedWithTheCallAsTarget() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri("/downstream/fail/report").retrieve().body(String.class));
		Injection injection = this.injections.injections()
			.stream()
			.filter((candidate) -> candidate.target().equals("GET localhost/downstream/fail/report"))
			.findFirst()
			.orElseThrow();
		assertThat(injection.assault()).isEqualTo("down");
		assertThat(injection.effect()).isEqualTo("exception");
		assertThat(injection.beanName()).isNull();
		assertThat(injection.method()).isNull();
		assertThat(injection.failure()).isInstanceOf(ConnectException.class);
	}

	@Test
	void webClientCallFailsAsUnreachable() {
		WebClient client = this.webClientBuilder.baseUrl(this.base).build();
		int hits = this.downstream.hits().get();
		assertThatExceptionOfType(WebClientRequestException.class)
			.isThrownBy(() -> client.get().uri("/downstream/fail/1").retrieve().bodyToMono(String.class).block())
			.withCauseInstanceOf(ConnectException.class);
		assertThat(this.downstream.hits().get()).isEqualTo(hits);
		assertThat(client.get().uri("/downstream/ok").retrieve().bodyToMono(String.class).block())
			.isEqualTo("downstream");
	}

	@Test
	void restClientCallIsDelayed() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		long start = System.nanoTime();
		assertThat(client.get().uri("/downstream/slow/1").retrieve().body(String.class)).isEqualTo("downstream");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
	}

	@Test
	void webClientCallIsDelayedWithoutBlocking() {
		WebClient client = this.webClientBuilder.baseUrl(this.base).build();
		long start = System.nanoTime();
		assertThat(client.get().uri("/downstream/slow/1").retrieve().bodyToMono(String.class).block())
			.isEqualTo("downstream");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
	}

	@Test
	void restClientReceivesFakeErrorResponseWithoutSendingTheRequest() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		int hits = this.downstream.hits().get();
		ResponseEntity<String> response = client.get()
			.uri("/downstream/fake/1")
			.retrieve()
			.onStatus((status) -> true, (request, result) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
		assertThat(response.getHeaders().getFirst("X-Chaos-Assault")).isEqualTo("fake");
		assertThat(response.getBody()).contains("\"status\":503");
		assertThat(this.downstream.hits().get()).isEqualTo(hits);
	}

	@Test
	void webClientReceivesFakeErrorResponse() {
		WebClient client = this.webClientBuilder.baseUrl(this.base).build();
		int hits = this.downstream.hits().get();
		assertThatExceptionOfType(WebClientResponseException.ServiceUnavailable.class)
			.isThrownBy(() -> client.get().uri("/downstream/fake/1").retrieve().bodyToMono(String.class).block())
			.satisfies((ex) -> {
				assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("10");
				assertThat(ex.getResponseBodyAsString()).contains("\"status\":503");
			});
		assertThat(this.downstream.hits().get()).isEqualTo(hits);
	}

	@Test
	void methodConditionOfClientTargetIsHonoured() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		int hits = this.downstream.hits().get();
		assertThat(client.head().uri("/downstream/fake/1").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(this.downstream.hits().get()).isEqualTo(hits + 1);
	}

	@Test
	void inboundRequestsAreNotAffectedByClientTargets() {
		assertThat(new Http(this.port).get("/downstream/fail/1").status()).isEqualTo(200);
		assertThat(new Http(this.port).get("/downstream/fake/1").status()).isEqualTo(200);
	}

}
