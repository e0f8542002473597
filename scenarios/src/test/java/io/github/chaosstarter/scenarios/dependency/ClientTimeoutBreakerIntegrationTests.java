package io.github.chaosstarter.scenarios.dependency;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerEvent;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.client.ResourceAccessException;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.Verdict;
import io.github.chaosstarter.scenarios.dependency.fixture.DependencyApplication;
import io.github.chaosstarter.scenarios.dependency.fixture.PaymentsGateway;
import io.github.chaosstarter.scenarios.dependency.fixture.SlowServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injected latency past the client's read timeout makes the client time out, and the
 * circuit breaker around the call opens on those timeouts: the report credits it with
 * exactly the errors Resilience4j's own events show, each a timeout of the client.
 */
@SpringBootTest(classes = DependencyApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "spring.http.clients.read-timeout=500ms", "spring.http.client.read-timeout=500ms",
				"resilience4j.circuitbreaker.instances.payments-http.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.payments-http.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.payments-http.wait-duration-in-open-state=1m" })
class ClientTimeoutBreakerIntegrationTests {

	private static SlowServer dependency;

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentsGateway payments;

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeAll
	static void start() throws IOException {
		dependency = new SlowServer();
	}

	@AfterAll
	static void stop() {
		dependency.close();
	}

	@Test
	void aBreakerThatOpensOnTimeoutsOfInjectedLatencyReacted() {
		this.payments.use(dependency.url());
		CircuitBreaker breaker = this.breakers.circuitBreaker("payments-http");
		List<CircuitBreakerEvent> events = new ArrayList<>();
		breaker.getEventPublisher().onEvent(events::add);
		assertThat(this.payments.charge()).isEqualTo("answer");
		this.chaos.assault("payments-slow")
			.target((target) -> target.client((client) -> client.hosts("localhost").paths("/fast")))
			.latency(Duration.ofSeconds(3))
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 5; i++) {
			assertThat(this.payments.charge()).isEqualTo("pending");
		}
		List<Throwable> errors = events.stream()
			.filter(CircuitBreakerOnErrorEvent.class::isInstance)
			.map((event) -> ((CircuitBreakerOnErrorEvent) event).getThrowable())
			.toList();
		assertThat(errors).as("Resilience4j saw the client's timeouts").hasSize(3);
		assertThat(errors).allSatisfy((error) -> assertThat(error).isInstanceOf(ResourceAccessException.class));
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		CircuitBreakerReport report = this.chaos.report().circuitBreaker("payments-http");
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isEqualTo(errors.size());
		assertThat(report.notPermittedCalls()).isEqualTo(2);
		assertThat(report.reason()).startsWith("opened with 3 injected and 0 real failures of 4 calls");
		this.chaos.halt();
	}

}
