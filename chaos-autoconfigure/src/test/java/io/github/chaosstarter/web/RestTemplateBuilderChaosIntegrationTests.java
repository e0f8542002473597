package io.github.chaosstarter.web;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;

import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client assaults on a {@code RestTemplate} built from Spring Boot 4's
 * {@code RestTemplateBuilder} ({@code org.springframework.boot.restclient}, through Boot
 * 4's {@code RestTemplateCustomizer}). Spring Boot 3.5 has the builder in
 * {@code org.springframework.boot.web.client}: the Spring Boot 3.5 module tests it there.
 * The other clients are tested on both lines by the shared
 * {@code ClientChaosIntegrationTests}, with the same assaults (and so the same context).
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
class RestTemplateBuilderChaosIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RestTemplateBuilder restTemplateBuilder;

	String base;

	@BeforeEach
	void base() {
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void restTemplateCallFailsAsUnreachable() {
		RestTemplate restTemplate = this.restTemplateBuilder.rootUri(this.base).build();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> restTemplate.getForObject("/downstream/fail/1", String.class))
			.withCauseInstanceOf(ConnectException.class);
		assertThat(restTemplate.getForObject("/downstream/ok", String.class)).isEqualTo("downstream");
	}

	@Test
	void restTemplateCallIsDelayed() {
		RestTemplate restTemplate = this.restTemplateBuilder.rootUri(this.base).build();
		long start = System.nanoTime();
		assertThat(restTemplate.getForObject("/downstream/slow/1", String.class)).isEqualTo("downstream");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
	}

	@Test
	void restTemplateReceivesFakeErrorResponse() {
		RestTemplate restTemplate = this.restTemplateBuilder.rootUri(this.base).build();
		assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> restTemplate.getForObject("/downstream/fake/1", String.class))
			.satisfies((ex) -> assertThat(ex.getResponseHeaders().getFirst("X-Chaos-Assault")).isEqualTo("fake"));
	}

}
