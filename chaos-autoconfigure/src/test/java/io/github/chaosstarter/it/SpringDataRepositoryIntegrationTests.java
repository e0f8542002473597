package io.github.chaosstarter.it;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
	ProductRepository products;

	@Autowired
	GuardedProductRepository guardedProducts;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void halt() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void queryMethodsOfSpringDataRepositoriesAreAttacked() {
		this.chaos.assault("db-down")
			.target((target) -> target.kinds("repository").classes("**.datafixture.ProductRepository"))
			.exception()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.products.findAll());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.products.save(new Product(null, "x")));
		assertThat(this.guardedProducts.count()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void classPatternsMatchTheInterfacesARepositoryExtends() {
		this.chaos.assault("crud-down")
			.target((target) -> target.classes("org.springframework.data.repository.CrudRepository").methods("count"))
			.exception()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.products.count());
		assertThat(this.guardedProducts.count()).as("its circuit breaker's fallback saw the fault").isEqualTo(-1);
		assertThat(this.chaos.state().assaults().get("crud-down").injected()).isEqualTo(2);
	}

	@Test
	void repositoryCallsWorkWhileChaosIsOff() {
		Product saved = this.products.save(new Product(null, "tea"));
		assertThat(this.products.findById(saved.id())).isPresent();
	}

	@Test
	void circuitBreakerOnRepositoryInterfaceRecordsTheFault() {
		this.chaos.assault("count-down").target((target) -> target.methods("count")).exception().apply();
		this.chaos.enable();
		assertThat(this.guardedProducts.count()).isEqualTo(-1);
		assertThat(this.circuitBreakers.circuitBreaker("products").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

}
