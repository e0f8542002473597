package io.github.chaosstarter.compat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * A small Spring Boot 3.5 application guarded by Resilience4j annotations only (Spring
 * Framework 6.2 has no {@code @Retryable}). Each resilience instance has its own method,
 * so the tests can share one context in any order.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ Boot3ShopApplication.PaymentService.class, Boot3ShopApplication.InventoryService.class,
		Boot3ShopApplication.ReactivePaymentService.class, Boot3ShopApplication.StockRepository.class,
		Boot3ShopApplication.AuditService.class, Boot3ShopApplication.LedgerService.class,
		Boot3ShopApplication.PriceCalculator.class })
public class Boot3ShopApplication {

	/** Circuit breakers, one with a fallback. */
	@Service
	public static class PaymentService {

		private final AtomicInteger calls = new AtomicInteger();

		private final List<Throwable> fallbackFailures = new CopyOnWriteArrayList<>();

		public int calls() {
			return this.calls.get();
		}

		public List<Throwable> fallbackFailures() {
			return this.fallbackFailures;
		}

		@CircuitBreaker(name = "refunds")
		public String refund(String order) {
			this.calls.incrementAndGet();
			return "refunded " + order;
		}

		@CircuitBreaker(name = "payments", fallbackMethod = "chargeFallback")
		public String charge(String order) {
			this.calls.incrementAndGet();
			return "charged " + order;
		}

		String chargeFallback(String order, Throwable failure) {
			this.fallbackFailures.add(failure);
			return "queued " + order;
		}

	}

	/** Retry. */
	@Service
	public static class InventoryService {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		@Retry(name = "inventory")
		public int reserve(String item) {
			this.calls.incrementAndGet();
			return 1;
		}

	}

	/** A reactive method guarded by a circuit breaker with a fallback. */
	@Service
	public static class ReactivePaymentService {

		private final AtomicInteger subscriptions = new AtomicInteger();

		private final List<Throwable> fallbackFailures = new CopyOnWriteArrayList<>();

		public int subscriptions() {
			return this.subscriptions.get();
		}

		public List<Throwable> fallbackFailures() {
			return this.fallbackFailures;
		}

		@CircuitBreaker(name = "reactive-payments", fallbackMethod = "chargeReactiveFallback")
		public Mono<String> chargeReactive(String order) {
			return Mono.fromSupplier(() -> {
				this.subscriptions.incrementAndGet();
				return "charged " + order;
			});
		}

		Mono<String> chargeReactiveFallback(String order, Throwable failure) {
			this.fallbackFailures.add(failure);
			return Mono.just("queued " + order);
		}

	}

	/** An unprotected repository. */
	@Repository
	public static class StockRepository {

		public int find(String item) {
			return 7;
		}

	}

	/** An unprotected service, attacked only by the metrics test. */
	@Service
	public static class AuditService {

		public void audit(String event) {
		}

	}

	/**
	 * A circuit breaker without a fallback whose configuration a test may tune (for
	 * example with {@code ignore-exceptions}).
	 */
	@Service
	public static class LedgerService {

		@CircuitBreaker(name = "ledger")
		public String post(String entry) {
			return "posted " + entry;
		}

	}

	/** A plain component: the kind {@code component} is not watched by default. */
	@Component
	public static class PriceCalculator {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		public int price(String item) {
			this.calls.incrementAndGet();
			return 42;
		}

	}

}
