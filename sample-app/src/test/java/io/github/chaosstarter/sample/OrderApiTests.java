package io.github.chaosstarter.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shop's API over real HTTP, with chaos off.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderApiTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void placedOrderIsConfirmedAndCanBeReadBack() {
		ResponseEntity<Order> placed = placeOrder("book", 2);
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Order order = placed.getBody();
		assertThat(order).isNotNull();
		assertThat(order.status()).isEqualTo(Order.Status.CONFIRMED);
		assertThat(order.paymentReference()).startsWith("ch_");
		assertThat(order.deliveryDays()).isBetween(2, 5);
		assertThat(placed.getHeaders().getLocation()).hasPath("/api/orders/" + order.id());
		assertThat(client().get().uri("/api/orders/{id}", order.id()).retrieve().body(Order.class)).isEqualTo(order);
		assertThat(client().get().uri("/api/orders").retrieve().body(new ParameterizedTypeReference<List<Order>>() {
		})).contains(order);
	}

	@Test
	void unknownOrderIsNotFound() {
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
			.isThrownBy(() -> client().get().uri("/api/orders/{id}", 999_999).retrieve().toBodilessEntity());
	}

	@Test
	void orderWithoutQuantityIsBadRequest() {
		assertThatExceptionOfType(HttpClientErrorException.BadRequest.class).isThrownBy(() -> placeOrder("book", 0));
	}

	private ResponseEntity<Order> placeOrder(String item, int quantity) {
		return client().post()
			.uri("/api/orders")
			.body(new OrderController.OrderRequest(item, quantity))
			.retrieve()
			.toEntity(Order.class);
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
