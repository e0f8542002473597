package io.github.chaosstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;

/**
 * A small shop to try Chaos Starter on.
 * <p>
 * {@link OrderController} takes orders; {@link OrderService} reserves stock through
 * {@link InventoryClient} (Resilience4j retry {@code inventory}), charges through
 * {@link PaymentClient} (circuit breaker {@code payments} with a fallback), asks
 * {@link ShippingClient} for a delivery estimate (circuit breaker {@code shipping},
 * misconfigured on purpose) and saves the order through {@link OrderRepository} (no
 * protection at all). The three clients call {@link ProviderController} over HTTP, which
 * stands in for the shop's external services. Order lookups are cached; a failing cache
 * is logged and bypassed ({@link LoggingCacheErrorHandler}), so the cache is meant to be
 * degradable.
 *
 * @author Chaos Starter team
 */
@SpringBootApplication
@EnableCaching
public class SampleApplication implements CachingConfigurer {

	@Override
	public CacheErrorHandler errorHandler() {
		return new LoggingCacheErrorHandler();
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
