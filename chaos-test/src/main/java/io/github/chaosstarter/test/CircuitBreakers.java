package io.github.chaosstarter.test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Resets the application's circuit breakers to {@code CLOSED}, so that a breaker one test
 * opened does not refuse the next test's calls. Resilience4j is optional: without it
 * there is nothing to reset. Retries and bulkheads have no state to reset; the report
 * counts only what happens during the experiment.
 *
 * @author Chaos Starter team
 */
final class CircuitBreakers {

	private static final boolean resilience4jPresent = ClassUtils.isPresent(
			"io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry", CircuitBreakers.class.getClassLoader());

	private CircuitBreakers() {
	}

	/**
	 * Reset every circuit breaker of every {@code CircuitBreakerRegistry} bean of the
	 * context and its ancestors. Breakers that annotations create on their first call
	 * exist only from then on.
	 * @param context the application context
	 */
	static void reset(ApplicationContext context) {
		if (resilience4jPresent) {
			Resilience4j.reset(context);
		}
	}

	private static final class Resilience4j {

		static void reset(ApplicationContext context) {
			context.getBeanProvider(CircuitBreakerRegistry.class)
				.orderedStream()
				.flatMap((registry) -> registry.getAllCircuitBreakers().stream())
				.forEach(CircuitBreaker::reset);
		}

	}

}
