package io.github.chaosstarter.sample;

import org.jspecify.annotations.Nullable;

/**
 * An order as stored and returned by the API.
 *
 * @param id the order's id
 * @param item what was ordered
 * @param quantity how many
 * @param status whether the payment went through
 * @param paymentReference the payment provider's charge id, {@code null} while payment is
 * pending
 * @param deliveryDays the shipping provider's delivery estimate
 * @author Chaos Starter team
 */
public record Order(long id, String item, int quantity, Status status, @Nullable String paymentReference,
		int deliveryDays) {

	/**
	 * Where an order stands.
	 */
	public enum Status {

		/** Paid. */
		CONFIRMED,

		/** Accepted while the payment provider was unavailable; to be charged later. */
		PENDING_PAYMENT

	}

}
