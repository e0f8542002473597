package io.github.chaosstarter.sample;

import java.util.Objects;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Asks the shipping service for a delivery estimate, behind circuit breaker
 * {@code shipping}.
 * <p>
 * <strong>Misconfigured on purpose</strong>, for the report tour: {@code application.yml}
 * lists {@code java.lang.IllegalStateException} in the breaker's
 * {@code ignore-exceptions}, as if someone had meant to ignore a "not shippable" business
 * error. When the shipping service fails with that exception, the breaker never counts a
 * failure, never opens, and every failure reaches the caller. The resilience report says
 * so, and why.
 *
 * @author Chaos Starter team
 */
@Service
public class ShippingClient {

	private final RestClient restClient;

	private final Provider provider;

	public ShippingClient(RestClient.Builder restClientBuilder, Provider provider) {
		this.restClient = restClientBuilder.build();
		this.provider = provider;
	}

	@CircuitBreaker(name = "shipping")
	public int estimateDeliveryDays(String item) {
		ProviderController.Estimate estimate = this.restClient.get()
			.uri(this.provider.url("/shipping/estimates?item={item}"), item)
			.retrieve()
			.body(ProviderController.Estimate.class);
		return Objects.requireNonNull(estimate).days();
	}

}
