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
import org.springframework.web.client.RestTemplate;

import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication.DownstreamController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client assaults on a {@code RestTemplate} built from Spring Boot 3.5's
 * {@link RestTemplateBuilder}, which is in {@code org.springframework.boot.web.client} on
 * this line only: the starter reaches it through Boot 3's {@code RestTemplateCustomizer},
 * registered by name because the jar is compiled against Spring Boot 4. The other clients
 * are tested on both lines by the shared {@code ClientChaosIntegrationTests}, with the
 * same assaults (and so the same context).
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
class RestTemplateBuilderOnBoot3Tests {

	@LocalServerPort
	int port;

	@Autowired
	RestTemplateBuilder restTemplateBuilder;

	@Autowired
	DownstreamController downstream;

	RestTemplate restTemplate;

	@BeforeEach
	void restTemplate() {
		this.restTemplate = this.restTemplateBuilder.rootUri("http://localhost:" + this.port).build();
	}

	@Test
	void restTemplateFromBootsBuilderFailsAsIfTheDependencyWereUnreachable() {
		int hits = this.downstream.hits().get();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> this.restTemplate.getForObject("/downstream/fail/1", String.class))
			.withCauseInstanceOf(ConnectException.class)
			.withMessageContaining("payments unreachable");
		assertThat(this.downstream.hits()).hasValue(hits);
		assertThat(this.restTemplate.getForObject("/downstream/ok", String.class)).isEqualTo("downstream");
	}

	@Test
	void restTemplateFromBootsBuilderReceivesAFake503() {
		int hits = this.downstream.hits().get();
		assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> this.restTemplate.getForObject("/downstream/fake/1", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getResponseHeaders()).isNotNull();
				assertThat(ex.getResponseHeaders().getFirst("Retry-After")).isEqualTo("10");
				assertThat(ex.getResponseHeaders().getFirst("X-Chaos-Assault")).isEqualTo("fake");
				assertThat(ex.getResponseBodyAsString()).contains("\"status\":503");
			});
		assertThat(this.downstream.hits()).hasValue(hits);
	}

}
