package io.github.chaosstarter.sample;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The shop's API: {@code POST /api/orders} places an order, {@code GET /api/orders} lists
 * them, {@code GET /api/orders/{id}} returns one.
 *
 * @author Chaos Starter team
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

	private final OrderService orderService;

	public OrderController(OrderService orderService) {
		this.orderService = orderService;
	}

	/**
	 * Place an order: {@code 201 Created} when it is paid, {@code 202 Accepted} when it
	 * was taken while payments were unavailable ({@code PENDING_PAYMENT}).
	 * @param request the item and quantity
	 * @return the order
	 */
	@PostMapping
	public ResponseEntity<Order> placeOrder(@RequestBody OrderRequest request) {
		if (request.item() == null || request.item().isBlank() || request.quantity() < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"an order needs an item and a quantity of at least 1");
		}
		Order order = this.orderService.placeOrder(request.item(), request.quantity());
		HttpStatus status = (order.status() == Order.Status.CONFIRMED) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).location(URI.create("/api/orders/" + order.id())).body(order);
	}

	@GetMapping
	public List<Order> orders() {
		return this.orderService.orders();
	}

	@GetMapping("/{id}")
	public ResponseEntity<Order> order(@PathVariable long id) {
		return this.orderService.order(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * What a client posts to place an order.
	 *
	 * @param item what to order
	 * @param quantity how many
	 */
	public record OrderRequest(String item, int quantity) {

	}

}
