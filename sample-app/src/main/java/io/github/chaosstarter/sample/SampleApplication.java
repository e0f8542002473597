package io.github.chaosstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop to try Chaos Starter on.
 * <p>
 * {@link OrderController} takes orders; {@link OrderService} reserves stock through
 * {@link InventoryClient} (Resilience4j retry {@code inventory}), charges through
 * {@link PaymentClient} (circuit breaker {@code payments} with a fallback), asks
 * {@link ShippingClient} for a delivery estimate (circuit breaker {@code shipping},
 * misconfigured on purpose) and saves the order through {@link OrderRepository} (no
 * protection at all). The three clients call {@link ProviderController} over HTTP, which
 * stands in for the shop's external services.
 *
 * @author Chaos Starter team
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
