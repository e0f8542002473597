package io.github.chaosstarter.sample;

import java.util.Objects;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Charges orders at the payment provider, behind circuit breaker {@code payments}
 * (configured in {@code application.yml}). When the provider fails, or the breaker is
 * open, {@link #chargeFallback} accepts the order with payment pending instead of failing
 * it.
 *
 * @author Chaos Starter team
 */
@Service
public class PaymentClient {

	private static final Log logger = LogFactory.getLog(PaymentClient.class);

	private final RestClient restClient;

	private final Provider provider;

	// built from Boot's RestClient.Builder, so a chaos `client` target reaches its calls
	public PaymentClient(RestClient.Builder restClientBuilder, Provider provider) {
		this.restClient = restClientBuilder.build();
		this.provider = provider;
	}

	@CircuitBreaker(name = "payments", fallbackMethod = "chargeFallback")
	public Payment charge(String item, int quantity) {
		ProviderController.Charge charge = this.restClient.post()
			.uri(this.provider.url("/payments/charges"))
			.body(new ProviderController.ChargeRequest(item, quantity))
			.retrieve()
			.body(ProviderController.Charge.class);
		return new Payment(Objects.requireNonNull(charge).id());
	}

	Payment chargeFallback(String item, int quantity, Throwable failure) {
		logger.warn("Payment for " + quantity + " x " + item + " is pending: " + failure);
		return new Payment(null);
	}

	/**
	 * Outcome of a charge.
	 *
	 * @param reference the provider's charge id, {@code null} when the payment is pending
	 */
	public record Payment(@Nullable String reference) {

		public boolean pending() {
			return this.reference == null;
		}

	}

}
