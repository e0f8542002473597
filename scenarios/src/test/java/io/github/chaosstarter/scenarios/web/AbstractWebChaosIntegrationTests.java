package io.github.chaosstarter.scenarios.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error responses and request targeting over real HTTP, run against a Spring MVC and a
 * WebFlux application with the same assaults by the subclasses, on each Spring Boot line
 * by the module that compiles this source.
 */
@TestPropertySource(properties = { "chaos.enabled=true", "chaos.watch.kinds=service",
		"chaos.assaults.bean-503.target.http.headers[X-Case]=bean-503",
		"chaos.assaults.bean-503.error-response.status=503",
		"chaos.assaults.bean-503.error-response.retry-after=30s",
		"chaos.assaults.static-429.target.http.paths=/api/static",
		"chaos.assaults.static-429.target.http.headers[X-Chaos]=on",
		"chaos.assaults.static-429.error-response.status=429",
		"chaos.assaults.path-502.target.http.paths=/api/paths/blocked/**",
		"chaos.assaults.path-502.error-response.status=502",
		"chaos.assaults.post-503.target.http.paths=/api/methods",
		"chaos.assaults.post-503.target.http.methods=POST",
		"chaos.assaults.post-503.error-response.status=503",
		"chaos.assaults.alice-403.target.http.paths=/api/me",
		"chaos.assaults.alice-403.target.principal=alice",
		"chaos.assaults.alice-403.error-response.status=403",
		"chaos.assaults.slow.target.http.paths=/api/slow",
		"chaos.assaults.slow.latency.min=300ms",
		"chaos.assaults.slow.latency.max=300ms",
		"chaos.assaults.once.target.http.paths=/api/orders/*",
		"chaos.assaults.once.target.http.headers[X-Case]=once",
		"chaos.assaults.once.latency.min=1ms",
		"chaos.assaults.once.latency.max=1ms" })
abstract class AbstractWebChaosIntegrationTests {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Chaos chaos;

	protected Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void beanErrorResponseWinsOverApplicationAdviceAndLeaksNothing() {
		Http.Response response = this.http.get("/api/orders/7", "X-Case", "bean-503");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).hasValue("30");
		assertThat(response.header("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503", "\"title\":\"Service Unavailable\"")
			.doesNotContain("LEAK", "Exception", "orderService", "OrderService", "Chaos assault", "at io.");
	}

	@Test
	void applicationAdviceStillHandlesRealFailures() {
		Http.Response response = this.http.send("POST", "/api/orders");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).startsWith("LEAK");
	}

	@Test
	void headerConditionSelectsOnlyRequestsCarryingTheHeader() {
		assertThat(this.http.get("/api/orders/7").status()).isEqualTo(200);
		assertThat(this.http.get("/api/orders/7", "X-Case", "other").status()).isEqualTo(200);
		Http.Response attacked = this.http.get("/api/static", "X-Chaos", "on");
		assertThat(attacked.status()).isEqualTo(429);
		assertThat(attacked.header("X-Chaos-Assault")).hasValue("static-429");
		assertThat(attacked.header("Retry-After")).isEmpty();
		assertThat(attacked.body()).contains("\"title\":\"Too Many Requests\"");
		assertThat(this.http.get("/api/static").status()).isEqualTo(200);
		assertThat(this.http.get("/api/static", "X-Chaos", "off").status()).isEqualTo(200);
	}

	@Test
	void requestOnlyAssaultHitsRequestsThatCallNoWatchedBean() {
		Http.Response response = this.http.get("/api/paths/blocked/x");
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.header("X-Chaos-Assault")).hasValue("path-502");
	}

	@Test
	void pathConditionSelectsOnlyMatchingPaths() {
		assertThat(this.http.get("/api/paths/blocked/a/b").status()).isEqualTo(502);
		assertThat(this.http.get("/api/paths/open").status()).isEqualTo(200);
		assertThat(this.http.get("/api/paths/blockedish").status()).isEqualTo(200);
	}

	@Test
	void methodConditionSelectsOnlyMatchingMethods() {
		assertThat(this.http.send("POST", "/api/methods").status()).isEqualTo(503);
		Http.Response get = this.http.get("/api/methods");
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.body()).isEqualTo("got");
	}

	@Test
	void principalConditionSelectsOnlyThatUser() {
		assertThat(this.http.get("/api/me", "X-Test-User", "alice").status()).isEqualTo(403);
		Http.Response bob = this.http.get("/api/me", "X-Test-User", "bob");
		assertThat(bob.status()).isEqualTo(200);
		assertThat(bob.body()).isEqualTo("bob");
		assertThat(this.http.get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void requestOnlyLatencyDelaysTheRequest() {
		long start = System.nanoTime();
		Http.Response response = this.http.get("/api/slow");
		assertThat(response.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
	}

	@Test
	void requestOnlyAssaultIsInjectedOncePerRequestEvenWhenAWatchedBeanIsCalled() {
		long before = this.chaos.state().assaults().get("once").injected();
		assertThat(this.http.get("/api/orders/1", "X-Case", "once").status()).isEqualTo(200);
		assertThat(this.chaos.state().assaults().get("once").injected()).isEqualTo(before + 1);
	}

}
