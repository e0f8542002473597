package io.github.chaosstarter.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport.DependencyClass;
import io.github.chaosstarter.report.ServiceReport.DependencyReport;
import io.github.chaosstarter.report.ServiceReport.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steps 8 to 10 of the README's tour, as a user sends them: the database, then payments,
 * then shipping taken away while chaos stays on, five orders each; the orders cache; the
 * order events' broker; and the classification the report gives against the sample's
 * {@code chaos.expect}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DependencyClassificationTourTests {

	private static final String ORDER = "{\"item\":\"book\",\"quantity\":1}";

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
	void theDatabaseIsCriticalPaymentsDegradableAndShippingNotOptionalAsExpected() throws Exception {
		List<CircuitBreakerOnErrorEvent> paymentErrors = new ArrayList<>();
		this.circuitBreakers.circuitBreaker("payments").getEventPublisher().onError(paymentErrors::add);
		assertThat(orders(10)).containsOnly(201);
		assertThat(post("/actuator/chaos",
				"{\"enabled\":true,\"assaults\":{\"db-down\":{\"target\":{\"jdbc\":"
						+ "{\"data-sources\":[\"dataSource\"]}},\"unavailable\":{\"immediately\":true}}}}"))
			.isEqualTo(200);
		assertThat(orders(5)).containsOnly(500);
		assertThat(post("/actuator/chaos",
				"{\"assaults\":{\"db-down\":null,\"payments-down\":{\"target\":{\"client\":"
						+ "{\"paths\":[\"/provider/payments/**\"]}},\"dependency\":\"payments\",\"unavailable\":"
						+ "{\"immediately\":true}}}}"))
			.isEqualTo(200);
		assertThat(orders(5)).containsOnly(202);
		assertThat(post("/actuator/chaos", "{\"assaults\":{\"payments-down\":null,\"shipping-down\":{\"target\":"
				+ "{\"client\":{\"paths\":[\"/provider/shipping/**\"]}},\"dependency\":\"shipping\",\"unavailable\":"
				+ "{\"immediately\":true}}}}"))
			.isEqualTo(200);
		assertThat(orders(5)).containsOnly(500);

		ResilienceReport report = this.chaos.report();
		assertThat(report.dependencies()).extracting(DependencyReport::name)
			.containsExactly("jdbc:dataSource", "payments", "shipping");
		DependencyReport database = report.dependencies().get(0);
		assertThat(database.observed()).isEqualTo(DependencyClass.CRITICAL);
		assertThat(database.verdict()).isEqualTo(Outcome.HELD);
		assertThat(database.reason())
			.isEqualTo("expected and observed critical: 5 of 5 requests that called it under injected faults "
					+ "failed (5xx)");
		DependencyReport payments = report.dependencies().get(1);
		// Resilience4j's own events: what the breaker saw fail is what the report counts
		assertThat(payments.injectedFaults()).isEqualTo(paymentErrors.size()).isEqualTo(5);
		assertThat(payments.degraded()).isEqualTo(5);
		assertThat(payments.observed()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(payments.verdict()).isEqualTo(Outcome.HELD);
		DependencyReport shipping = report.dependencies().get(2);
		assertThat(shipping.expected()).isEqualTo(DependencyClass.OPTIONAL);
		assertThat(shipping.observed()).isEqualTo(DependencyClass.CRITICAL);
		assertThat(shipping.verdict()).isEqualTo(Outcome.VIOLATED);
		assertThat(shipping.reason())
			.isEqualTo("expected optional but observed critical: 5 of 5 requests that called it under injected "
					+ "faults failed (5xx)");
	}

	@Test
	void theOrdersCacheIsDegradableAsExpected() throws Exception {
		HttpRequest place = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ORDER))
			.build();
		String location = this.client.send(place, HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("Location")
			.orElseThrow();
		assertThat(get(location)).isEqualTo(200);
		assertThat(
				post("/actuator/chaos",
						"{\"enabled\":true,\"assaults\":{\"orders-cache-down\":{\"target\":{\"cache\":"
								+ "{\"names\":[\"orders\"]}},\"unavailable\":{\"immediately\":true}}}}"))
			.isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(get(location)).as("the lookup goes to the database").isEqualTo(200);
		}
		DependencyReport cache = this.chaos.report()
			.dependencies()
			.stream()
			.filter((dependency) -> dependency.name().equals("cache:orders"))
			.findFirst()
			.orElseThrow();
		assertThat(cache.requests()).isEqualTo(5);
		assertThat(cache.degraded()).isEqualTo(5);
		assertThat(cache.observed()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(cache.verdict()).isEqualTo(Outcome.HELD);
		assertThat(cache.reason()).isEqualTo("expected and observed degradable: 5 of 5 requests that called it under "
				+ "injected faults succeeded, 5 through a fallback or the cache error handler");
	}

	@Test
	void theOrderEventsAreOptionalAsExpected() throws Exception {
		assertThat(orders(1)).containsOnly(201);
		assertThat(post("/actuator/chaos",
				"{\"enabled\":true,\"assaults\":{\"events-down\":{\"target\":{\"kafka\":{\"topics\":"
						+ "[\"order-events\"],\"operations\":[\"send\"]}},\"unavailable\":{\"immediately\":true}}}}"))
			.isEqualTo(200);
		assertThat(orders(3)).as("an order does not need its event").containsOnly(201);
		// the client may see a response a moment before the server has finished with it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			DependencyReport events = this.chaos.report()
				.dependencies()
				.stream()
				.filter((dependency) -> dependency.name().equals("kafka:order-events"))
				.findFirst()
				.orElseThrow();
			assertThat(events.injectedFaults()).isEqualTo(3);
			assertThat(events.requests()).isEqualTo(3);
			assertThat(events.failed()).isZero();
			assertThat(events.observed()).isEqualTo(DependencyClass.OPTIONAL);
			assertThat(events.verdict()).isEqualTo(Outcome.HELD);
		});
	}

	private int get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private List<Integer> orders(int count) throws IOException, InterruptedException {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(post("/api/orders", ORDER));
		}
		return statuses;
	}

	private int post(String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
