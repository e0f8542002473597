package io.github.chaosstarter.sample;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shop under injected faults, over real HTTP, with real Resilience4j: what each
 * resilience mechanism of the sample does (the scripted tour of the README relies on it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderResilienceTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@BeforeEach
	void closeBreakers() {
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@AfterEach
	void haltChaos() {
		this.chaos.halt();
	}

	@Test
	void failingPaymentClientIsServedByFallbackAndOrderIsPendingPayment() {
		this.chaos.assault("payments-down")
			.target((target) -> target.classes(PaymentClient.class.getName()).methods("charge*"))
			.exception()
			.apply();
		this.chaos.enable();
		ResponseEntity<Order> placed = placeOrder("lamp", 1);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(placed.getBody()).isNotNull();
		assertThat(placed.getBody().status()).isEqualTo(Order.Status.PENDING_PAYMENT);
		assertThat(placed.getBody().paymentReference()).isNull();
		assertThat(this.chaos.state().assaults().get("payments-down").injected()).isOne();
		assertThat(this.circuitBreakers.circuitBreaker("payments").getMetrics().getNumberOfFailedCalls()).isOne();
	}

	@Test
	void paymentsBreakerOpensAfterFiveInjectedFailuresWhileOrdersAreStillAccepted() {
		this.chaos.assault("payments-down")
			.target((target) -> target.classes(PaymentClient.class.getName()))
			.exception()
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 8; i++) {
			assertThat(placeOrder("lamp", 1).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		}
		assertThat(this.circuitBreakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// once open, the breaker refuses calls before they reach the attacked method
		assertThat(this.chaos.state().assaults().get("payments-down").injected()).isEqualTo(5);
	}

	@Test
	void unavailablePaymentProviderIsServedByFallback() {
		this.chaos.assault("payment-provider-unreachable")
			.target((target) -> target.client((client) -> client.hosts("localhost").paths("/provider/payments/**")))
			.exception(java.net.ConnectException.class, "connection refused")
			.apply();
		this.chaos.enable();
		ResponseEntity<Order> placed = placeOrder("desk", 1);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(placed.getBody()).isNotNull();
		assertThat(placed.getBody().status()).isEqualTo(Order.Status.PENDING_PAYMENT);
		assertThat(this.chaos.state().assaults().get("payment-provider-unreachable").injected()).isOne();
	}

	@Test
	void inventoryRetryRecoversFromTwoInjectedFailures() {
		this.chaos.assault("inventory-flaky")
			.target((target) -> target.classes(InventoryClient.class.getName()))
			.exception()
			.maxInjections(2)
			.apply();
		this.chaos.enable();
		Retry.Metrics before = this.retries.retry("inventory").getMetrics();
		long recoveredBefore = before.getNumberOfSuccessfulCallsWithRetryAttempt();
		assertThat(placeOrder("chair", 4).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.chaos.state().assaults().get("inventory-flaky").injected()).isEqualTo(2);
		assertThat(this.retries.retry("inventory").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
			.isEqualTo(recoveredBefore + 1);
	}

	@Test
	void shippingBreakerIgnoresInjectedIllegalStateExceptionAndStaysClosed() {
		this.chaos.assault("shipping-down")
			.target((target) -> target.classes(ShippingClient.class.getName()))
			.exception(IllegalStateException.class, "shipping unavailable")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
				.isThrownBy(() -> placeOrder("sofa", 1));
		}
		CircuitBreaker shipping = this.circuitBreakers.circuitBreaker("shipping");
		assertThat(shipping.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(shipping.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void failureOfUnprotectedRepositoryReachesTheCaller() {
		this.chaos.assault("orders-db-down")
			.target((target) -> target.kinds("repository").methods("save"))
			.exception()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
			.isThrownBy(() -> placeOrder("rug", 1));
		assertThat(this.chaos.state().assaults().get("orders-db-down").injected()).isOne();
	}

	private ResponseEntity<Order> placeOrder(String item, int quantity) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/orders")
			.body(new OrderController.OrderRequest(item, quantity))
			.retrieve()
			.toEntity(Order.class);
	}

}
