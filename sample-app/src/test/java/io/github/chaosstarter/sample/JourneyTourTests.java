package io.github.chaosstarter.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 11 of the README's tour: the payment provider fails only for the {@code vip}
 * customer journey, which the shop carries on to it in {@code X-Journey}
 * ({@code chaos.propagate-headers}); the other customers are untouched until that
 * journey's failures open the shared breaker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JourneyTourTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	@AfterEach
	void haltChaos() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void onlyTheVipJourneyFailsAtThePaymentProviderUntilItOpensTheSharedBreaker() throws Exception {
		List<CircuitBreakerOnStateTransitionEvent> transitions = new ArrayList<>();
		this.circuitBreakers.circuitBreaker("payments").getEventPublisher().onStateTransition(transitions::add);
		assertThat(post("/actuator/chaos", null,
				"{\"enabled\":true,\"assaults\":{\"vip-payments-down\":{\"target\":"
						+ "{\"http\":{\"paths\":[\"/provider/payments/**\"],\"headers\":{\"X-Journey\":\"vip\"}}},"
						+ "\"error-response\":{\"status\":503}}}}"))
			.isEqualTo(200);
		assertThat(order("vip")).as("the vip journey: payment pending (fallback)").isEqualTo(202);
		assertThat(order(null)).as("another customer: paid").isEqualTo(201);
		assertThat(order("other")).isEqualTo(201);
		assertThat(this.chaos.state().assaults().get("vip-payments-down").injected()).isEqualTo(1);
		assertThat(transitions).isEmpty();
		assertThat(List.of(order("vip"), order("vip"))).containsOnly(202);
		// 3 injected failures of 5 calls: the breaker opens, for everybody
		assertThat(transitions).singleElement()
			.satisfies((event) -> assertThat(event.getStateTransition())
				.isEqualTo(CircuitBreaker.StateTransition.CLOSED_TO_OPEN));
		assertThat(order(null)).as("another customer, breaker open").isEqualTo(202);
		ResilienceReport.CircuitBreakerReport payments = this.chaos.report().circuitBreaker("payments");
		assertThat(payments.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(payments.reason()).startsWith("opened with 3 injected and 0 real failures of 5 calls");
	}

	private int order(String journey) throws IOException, InterruptedException {
		return post("/api/orders", journey, "{\"item\":\"book\",\"quantity\":1}");
	}

	private int post(String path, String journey, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (journey != null) {
			request.header("X-Journey", journey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
