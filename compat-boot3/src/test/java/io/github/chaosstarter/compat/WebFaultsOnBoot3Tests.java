package io.github.chaosstarter.compat;

import java.net.ConnectException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Web faults in a Spring Boot 3.5 Spring MVC application: request assaults answer inbound
 * requests with an injected error response, and client assaults make a dependency (the
 * application's own {@code /downstream} endpoints, over real HTTP) unavailable for a
 * {@code RestClient} and a {@code RestTemplate} built from Boot 3.5's builders (the
 * latter through Boot 3's {@code RestTemplateCustomizer}) and a {@code WebClient}.
 */
@SpringBootTest(classes = { Boot3ShopApplication.class, Boot3WebController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "chaos.enabled=true",
				"chaos.assaults.orders-503.target.http.paths=/api/orders/**",
				"chaos.assaults.orders-503.error-response.status=503",
				"chaos.assaults.orders-503.error-response.retry-after=30s",
				"chaos.assaults.asked-429.target.http.headers[X-Chaos]=on",
				"chaos.assaults.asked-429.error-response.status=429",
				"chaos.assaults.asked-429.error-response.retry-after=5s",
				"chaos.assaults.stock-502.target.methods=stock", "chaos.assaults.stock-502.error-response.status=502",
				"chaos.assaults.downstream-unreachable.target.client.hosts=localhost",
				"chaos.assaults.downstream-unreachable.target.client.paths=/downstream/unreachable",
				"chaos.assaults.downstream-unreachable.exception.type=java.net.ConnectException",
				"chaos.assaults.downstream-unreachable.exception.message=connection refused",
				"chaos.assaults.downstream-503.target.client.hosts=localhost",
				"chaos.assaults.downstream-503.target.client.paths=/downstream/unavailable",
				"chaos.assaults.downstream-503.error-response.status=503",
				"chaos.assaults.downstream-503.error-response.retry-after=10s" })
class WebFaultsOnBoot3Tests {

	@LocalServerPort
	int port;

	@Autowired
	Boot3WebController controller;

	@Autowired
	RestClient.Builder restClientBuilder;

	@Autowired
	RestTemplateBuilder restTemplateBuilder;

	@Autowired
	WebClient.Builder webClientBuilder;

	Boot3Http http;

	String base;

	@BeforeEach
	void client() {
		this.http = new Boot3Http(this.port);
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void errorResponseAssaultAnswersTheRequestWithAProblemThatLeaksNothing() {
		int hits = this.controller.hits();
		Boot3Http.Response response = this.http.get("/api/orders/7");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).hasValue("30");
		assertThat(response.header("X-Chaos-Assault")).hasValue("orders-503");
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(response.json()).containsEntry("status", 503).containsEntry("title", "Service Unavailable");
		assertThat(response.body()).doesNotContain("secret", "Exception", "trace", "Boot3WebController", "order 7",
				"Chaos assault");
		assertThat(this.controller.hits()).isEqualTo(hits);
	}

	@Test
	void headerConditionAnswersOnlyRequestsThatAskForChaos() {
		Boot3Http.Response untouched = this.http.get("/api/search");
		assertThat(untouched.status()).isEqualTo(200);
		assertThat(untouched.body()).isEqualTo("results");
		assertThat(untouched.header("X-Chaos-Assault")).isEmpty();
		Boot3Http.Response asked = this.http.get("/api/search", "X-Chaos", "on");
		assertThat(asked.status()).isEqualTo(429);
		assertThat(asked.header("Retry-After")).hasValue("5");
		assertThat(asked.header("X-Chaos-Assault")).hasValue("asked-429");
		assertThat(asked.json()).containsEntry("status", 429);
		assertThat(this.http.get("/api/search", "X-Chaos", "off").status()).isEqualTo(200);
	}

	@Test
	void errorResponseThrownByAWatchedControllerIsWrittenAsTheInjectedResponse() {
		int hits = this.controller.hits();
		Boot3Http.Response response = this.http.get("/api/stock");
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.header("X-Chaos-Assault")).hasValue("stock-502");
		assertThat(response.header("Retry-After")).isEmpty();
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(response.json()).containsEntry("status", 502).containsEntry("title", "Bad Gateway");
		assertThat(response.body()).doesNotContain("Exception", "trace", "stock");
		assertThat(this.controller.hits()).isEqualTo(hits);
	}

	@Test
	void restClientFromBootsBuilderFailsAsIfTheDependencyWereUnreachable() {
		RestClient client = this.restClientBuilder.baseUrl(this.base).build();
		int hits = this.controller.hits();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri("/downstream/unreachable").retrieve().body(String.class))
			.withCauseInstanceOf(ConnectException.class)
			.withMessageContaining("connection refused");
		assertThat(this.controller.hits()).isEqualTo(hits);
		assertThat(client.get().uri("/downstream/ok").retrieve().body(String.class)).isEqualTo("downstream ok");
	}

	@Test
	void restTemplateFromBootsBuilderReceivesAFake503() {
		RestTemplate restTemplate = this.restTemplateBuilder.rootUri(this.base).build();
		int hits = this.controller.hits();
		assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> restTemplate.getForObject("/downstream/unavailable", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getResponseHeaders()).isNotNull();
				assertThat(ex.getResponseHeaders().getFirst("Retry-After")).isEqualTo("10");
				assertThat(ex.getResponseHeaders().getFirst("X-Chaos-Assault")).isEqualTo("downstream-503");
				assertThat(ex.getResponseBodyAsString()).contains("\"status\":503");
			});
		assertThat(this.controller.hits()).isEqualTo(hits);
		assertThat(restTemplate.getForObject("/downstream/ok", String.class)).isEqualTo("downstream ok");
	}

	@Test
	void webClientFromBootsBuilderFailsAsIfTheDependencyWereUnreachable() {
		WebClient client = this.webClientBuilder.baseUrl(this.base).build();
		int hits = this.controller.hits();
		assertThatExceptionOfType(WebClientRequestException.class)
			.isThrownBy(() -> client.get().uri("/downstream/unreachable").retrieve().bodyToMono(String.class).block())
			.withCauseInstanceOf(ConnectException.class);
		assertThat(this.controller.hits()).isEqualTo(hits);
		assertThat(client.get().uri("/downstream/ok").retrieve().bodyToMono(String.class).block())
			.isEqualTo("downstream ok");
	}

}
