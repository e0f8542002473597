package io.github.chaosstarter.web;

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
 * Error responses and request targeting in a WebFlux application, over real HTTP.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.main.web-application-type=reactive", "chaos.enabled=true", "chaos.watch.kinds=service",
		"chaos.assaults.bean-503.target.methods=find*",
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
class WebFluxChaosIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ChaosRuntime runtime;

	@Test
	void beanErrorResponseWinsOverApplicationAdviceAndLeaksNothing() {
		HttpResponse<String> response = Http.get(this.port, "/api/orders/7", "X-Case", "bean-503");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503", "\"title\":\"Service Unavailable\"")
			.doesNotContain("LEAK", "Exception", "orderService", "OrderService", "Chaos assault", "at io.");
	}

	@Test
	void reactiveBeanErrorResponseWinsOverApplicationAdvice() {
		HttpResponse<String> response = Http.get(this.port, "/api/reactive-orders/7", "X-Case", "bean-503");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("X-Chaos-Assault")).hasValue("bean-503");
		assertThat(response.body()).contains("\"status\":503").doesNotContain("LEAK", "Exception", "Chaos assault");
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
		long before = this.runtime.current().assaults().get("once").injected();
		assertThat(Http.get(this.port, "/api/orders/1", "X-Case", "once").statusCode()).isEqualTo(200);
		assertThat(this.runtime.current().assaults().get("once").injected()).isEqualTo(before + 1);
	}

}
