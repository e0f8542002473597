package io.github.chaosstarter.it;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.datafixture.RepositoryApplication;
import io.github.chaosstarter.datafixture.GuardedProductRepository;
import io.github.chaosstarter.datafixture.Product;
import io.github.chaosstarter.datafixture.ProductRepository;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosEngine;

import static io.github.chaosstarter.it.ChaosTestSupport.enable;
import static io.github.chaosstarter.it.ChaosTestSupport.exception;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring Data repository interfaces count as repositories, are matched by their interface
 * name, and get the fault inside any circuit breaker on them.
 */
@SpringBootTest(classes = RepositoryApplication.class)
class SpringDataRepositoryIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	ChaosEngine engine;

	@Autowired
	ProductRepository products;

	@Autowired
	GuardedProductRepository guardedProducts;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void halt() {
		this.chaos.halt();
	}

	@Test
	void queryMethodsOfSpringDataRepositoriesAreAttacked() {
		enable(this.engine, Map.of("db-down", exception((target) -> {
			target.getKinds().add("repository");
			target.getClasses().add("**.datafixture.ProductRepository");
		})));
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.products.findAll());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.products.save(new Product(null, "x")));
		assertThat(this.guardedProducts.count()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void repositoryCallsWorkWhileChaosIsOff() {
		Product saved = this.products.save(new Product(null, "tea"));
		assertThat(this.products.findById(saved.id())).isPresent();
	}

	@Test
	void circuitBreakerOnRepositoryInterfaceRecordsTheFault() {
		enable(this.engine, Map.of("count-down", exception((target) -> target.getMethods().add("count"))));
		assertThat(this.guardedProducts.count()).isEqualTo(-1);
		assertThat(this.circuitBreakers.circuitBreaker("products").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

}
