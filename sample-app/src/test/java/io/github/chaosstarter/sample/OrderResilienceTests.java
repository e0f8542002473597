package io.github.chaosstarter.sample;

import java.util.function.Consumer;

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
import org.springframework.util.ClassUtils;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.runtime.ChaosRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The shop under injected faults, over real HTTP, with real Resilience4j: what each
 * resilience mechanism of the sample does (the scripted tour of the README relies on it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderResilienceTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	ChaosRuntime chaos;

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
		this.chaos.halt("test", "test finished");
	}

	@Test
	void failingPaymentClientIsServedByFallbackAndOrderIsPendingPayment() {
		attack("payments-down", (assault) -> {
			assault.getTarget().getClasses().add(PaymentClient.class.getName());
			assault.getTarget().getMethods().add("charge*");
			assault.setException(new ChaosProperties.ExceptionEffect());
		});
		ResponseEntity<Order> placed = placeOrder("lamp", 1);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(placed.getBody()).isNotNull();
		assertThat(placed.getBody().status()).isEqualTo(Order.Status.PENDING_PAYMENT);
		assertThat(placed.getBody().paymentReference()).isNull();
		assertThat(this.chaos.current().assaults().get("payments-down").injected()).isOne();
		assertThat(this.circuitBreakers.circuitBreaker("payments").getMetrics().getNumberOfFailedCalls()).isOne();
	}

	@Test
	void paymentsBreakerOpensAfterFiveInjectedFailuresWhileOrdersAreStillAccepted() {
		attack("payments-down", (assault) -> {
			assault.getTarget().getClasses().add(PaymentClient.class.getName());
			assault.setException(new ChaosProperties.ExceptionEffect());
		});
		for (int i = 0; i < 8; i++) {
			assertThat(placeOrder("lamp", 1).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		}
		assertThat(this.circuitBreakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// once open, the breaker refuses calls before they reach the attacked method
		assertThat(this.chaos.current().assaults().get("payments-down").injected()).isEqualTo(5);
	}

	@Test
	void unavailablePaymentProviderIsServedByFallback() {
		assumeThat(ClassUtils.isPresent("io.github.chaosstarter.web.client.ClientChaos", getClass().getClassLoader()))
			.as("client targets need the starter's HTTP client support")
			.isTrue();
		attack("payment-provider-unreachable", (assault) -> {
			assault.getTarget().getClient().getHosts().add("localhost");
			assault.getTarget().getClient().getPaths().add("/provider/payments/**");
			ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
			exception.setType("java.net.ConnectException");
			exception.setMessage("connection refused");
			assault.setException(exception);
		});
		ResponseEntity<Order> placed = placeOrder("desk", 1);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(placed.getBody()).isNotNull();
		assertThat(placed.getBody().status()).isEqualTo(Order.Status.PENDING_PAYMENT);
		assertThat(this.chaos.current().assaults().get("payment-provider-unreachable").injected()).isOne();
	}

	@Test
	void inventoryRetryRecoversFromTwoInjectedFailures() {
		attack("inventory-flaky", (assault) -> {
			assault.getTarget().getClasses().add(InventoryClient.class.getName());
			assault.setException(new ChaosProperties.ExceptionEffect());
			assault.setMaxInjections(2L);
		});
		Retry.Metrics before = this.retries.retry("inventory").getMetrics();
		long recoveredBefore = before.getNumberOfSuccessfulCallsWithRetryAttempt();
		assertThat(placeOrder("chair", 4).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.chaos.current().assaults().get("inventory-flaky").injected()).isEqualTo(2);
		assertThat(this.retries.retry("inventory").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
			.isEqualTo(recoveredBefore + 1);
	}

	@Test
	void shippingBreakerIgnoresInjectedIllegalStateExceptionAndStaysClosed() {
		attack("shipping-down", (assault) -> {
			assault.getTarget().getClasses().add(ShippingClient.class.getName());
			ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
			exception.setType(IllegalStateException.class.getName());
			assault.setException(exception);
		});
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
		attack("orders-db-down", (assault) -> {
			assault.getTarget().getKinds().add("repository");
			assault.getTarget().getMethods().add("save");
			assault.setException(new ChaosProperties.ExceptionEffect());
		});
		assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
			.isThrownBy(() -> placeOrder("rug", 1));
		assertThat(this.chaos.current().assaults().get("orders-db-down").injected()).isOne();
	}

	private void attack(String name, Consumer<ChaosProperties.Assault> customizer) {
		ChaosProperties properties = new ChaosProperties();
		properties.setEnabled(true);
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		customizer.accept(assault);
		properties.getAssaults().put(name, assault);
		this.chaos.apply(this.chaos.compiler().compile(properties), "test", "attack " + name);
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
