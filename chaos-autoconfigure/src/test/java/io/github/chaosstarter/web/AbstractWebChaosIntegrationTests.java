package io.github.chaosstarter.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error responses and request targeting over real HTTP, run against a Spring MVC and a
 * WebFlux application with the same assaults (web-chaos-test.properties).
 */
@TestPropertySource(locations = "classpath:web-chaos-test.properties")
abstract class AbstractWebChaosIntegrationTests {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Chaos chaos;

	@Test
	void beanErrorResponseWinsOverApplicationAdviceAndLeaksNothing() {
		HttpResponse<String> response = Http.get(this.port, "/api/orders/7", "X-Case", "bean-503");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503", "\"title\":\"Service Unavailable\"")
			.doesNotContain("LEAK", "Exception", "orderService", "OrderService", "Chaos assault", "at io.");
	}

	@Test
	void applicationAdviceStillHandlesRealFailures() {
		HttpResponse<String> response = Http.post(this.port, "/api/orders");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).startsWith("LEAK");
	}

	@Test
	void headerConditionSelectsOnlyRequestsCarryingTheHeader() {
		assertThat(Http.get(this.port, "/api/orders/7").statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/api/orders/7", "X-Case", "other").statusCode()).isEqualTo(200);
		HttpResponse<String> attacked = Http.get(this.port, "/api/static", "X-Chaos", "on");
		assertThat(attacked.statusCode()).isEqualTo(429);
		assertThat(attacked.headers().firstValue("X-Chaos-Assault")).hasValue("static-429");
		assertThat(attacked.headers().firstValue("Retry-After")).isEmpty();
		assertThat(attacked.body()).contains("\"title\":\"Too Many Requests\"");
		assertThat(Http.get(this.port, "/api/static").statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/api/static", "X-Chaos", "off").statusCode()).isEqualTo(200);
	}

	@Test
	void requestOnlyAssaultHitsRequestsThatCallNoWatchedBean() {
		HttpResponse<String> response = Http.get(this.port, "/api/paths/blocked/x");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("X-Chaos-Assault")).hasValue("path-502");
	}

	@Test
	void pathConditionSelectsOnlyMatchingPaths() {
		assertThat(Http.get(this.port, "/api/paths/blocked/a/b").statusCode()).isEqualTo(502);
		assertThat(Http.get(this.port, "/api/paths/open").statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/api/paths/blockedish").statusCode()).isEqualTo(200);
	}

	@Test
	void methodConditionSelectsOnlyMatchingMethods() {
		assertThat(Http.post(this.port, "/api/methods").statusCode()).isEqualTo(503);
		HttpResponse<String> get = Http.get(this.port, "/api/methods");
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEqualTo("got");
	}

	@Test
	void principalConditionSelectsOnlyThatUser() {
		assertThat(Http.get(this.port, "/api/me", "X-Test-User", "alice").statusCode()).isEqualTo(403);
		HttpResponse<String> bob = Http.get(this.port, "/api/me", "X-Test-User", "bob");
		assertThat(bob.statusCode()).isEqualTo(200);
		assertThat(bob.body()).isEqualTo("bob");
		assertThat(Http.get(this.port, "/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void requestOnlyLatencyDelaysTheRequest() {
		long start = System.nanoTime();
		HttpResponse<String> response = Http.get(this.port, "/api/slow");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
	}

	@Test
	void requestOnlyAssaultIsInjectedOncePerRequestEvenWhenAWatchedBeanIsCalled() {
		long before = this.chaos.state().assaults().get("once").injected();
		assertThat(Http.get(this.port, "/api/orders/1", "X-Case", "once").statusCode()).isEqualTo(200);
		assertThat(this.chaos.state().assaults().get("once").injected()).isEqualTo(before + 1);
	}

}
