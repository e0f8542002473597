package io.github.chaosstarter.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Places orders: reserve stock, charge, ask for a delivery estimate, save, publish an
 * order event. Each step is a dependency that can fail; how the shop copes is decided in
 * the clients and in {@code application.yml}.
 *
 * @author Chaos Starter team
 */
@Service
public class OrderService {

	private final InventoryClient inventoryClient;

	private final PaymentClient paymentClient;

	private final ShippingClient shippingClient;

	private final OrderRepository orderRepository;

	private final OrderEvents events;

	public OrderService(InventoryClient inventoryClient, PaymentClient paymentClient, ShippingClient shippingClient,
			OrderRepository orderRepository, OrderEvents events) {
		this.inventoryClient = inventoryClient;
		this.paymentClient = paymentClient;
		this.shippingClient = shippingClient;
		this.orderRepository = orderRepository;
		this.events = events;
	}

	public Order placeOrder(String item, int quantity) {
		this.inventoryClient.reserve(item, quantity);
		PaymentClient.Payment payment = this.paymentClient.charge(item, quantity);
		int deliveryDays = this.shippingClient.estimateDeliveryDays(item);
		Order.Status status = payment.pending() ? Order.Status.PENDING_PAYMENT : Order.Status.CONFIRMED;
		Order order = this.orderRepository.save(item, quantity, status, payment.reference(), deliveryDays);
		this.events.placed(order);
		return order;
	}

	public List<Order> orders() {
		return this.orderRepository.findAll();
	}

	/**
	 * Look an order up: cached in {@code orders} (Caffeine), since an order does not
	 * change once placed. When the cache fails, {@link SampleApplication}'s cache error
	 * handler logs it and the lookup goes to the database.
	 * @param id the order's id
	 * @return the order, or empty
	 */
	@Cacheable(cacheNames = "orders", unless = "#result == null")
	public Optional<Order> order(long id) {
		return this.orderRepository.findById(id);
	}

}
