package io.github.chaosstarter.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores orders in the embedded H2 database ({@code schema.sql}).
 * <p>
 * Deliberately unprotected: no retry, no circuit breaker, no fallback. Attack it and the
 * resilience report lists it under {@code unprotected}, with every injected failure
 * reaching the caller.
 *
 * @author Chaos Starter team
 */
@Repository
public class OrderRepository {

	private static final String COLUMNS = "id, item, quantity, status, payment_reference, delivery_days";

	private final JdbcClient jdbcClient;

	public OrderRepository(JdbcClient jdbcClient) {
		this.jdbcClient = jdbcClient;
	}

	public Order save(String item, int quantity, Order.Status status, @Nullable String paymentReference,
			int deliveryDays) {
		KeyHolder keyHolder = new GeneratedKeyHolder();
		this.jdbcClient
			.sql("insert into orders (item, quantity, status, payment_reference, delivery_days) values (?, ?, ?, ?, ?)")
			.params(item, quantity, status.name(), paymentReference, deliveryDays)
			.update(keyHolder, "id");
		long id = keyHolder.getKeyAs(Long.class);
		return new Order(id, item, quantity, status, paymentReference, deliveryDays);
	}

	public List<Order> findAll() {
		return this.jdbcClient.sql("select " + COLUMNS + " from orders order by id")
			.query(OrderRepository::order)
			.list();
	}

	public Optional<Order> findById(long id) {
		return this.jdbcClient.sql("select " + COLUMNS + " from orders where id = ?")
			.param(id)
			.query(OrderRepository::order)
			.optional();
	}

	private static Order order(ResultSet row, int rowNumber) throws SQLException {
		return new Order(row.getLong("id"), row.getString("item"), row.getInt("quantity"),
				Order.Status.valueOf(row.getString("status")), row.getString("payment_reference"),
				row.getInt("delivery_days"));
	}

}
