package io.github.chaosstarter.datafixture;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.data.repository.CrudRepository;
import org.springframework.stereotype.Repository;

/**
 * A Spring Data repository with a circuit breaker and a fallback.
 */
@Repository
public interface GuardedProductRepository extends CrudRepository<Product, Long> {

	@Override
	@CircuitBreaker(name = "products", fallbackMethod = "countFallback")
	long count();

	default long countFallback(Throwable failure) {
		return -1;
	}

}
