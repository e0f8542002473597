package io.github.chaosstarter.report;

/**
 * One resilience mechanism that guards a method, as declared by an annotation on the
 * method or its class.
 *
 * @param kind what kind of mechanism
 * @param name the instance name ({@code SimpleClassName.method} for Spring's
 * {@code @Retryable}, which has no name)
 * @param fallbackMethod the fallback method's name, empty for none
 * @author Chaos Starter team
 */
record Guard(Kind kind, String name, String fallbackMethod) {

	boolean hasFallback() {
		return !this.fallbackMethod.isEmpty();
	}

	enum Kind {

		CIRCUIT_BREAKER("io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker"),

		RETRY("io.github.resilience4j.retry.annotation.Retry"),

		TIME_LIMITER("io.github.resilience4j.timelimiter.annotation.TimeLimiter"),

		BULKHEAD("io.github.resilience4j.bulkhead.annotation.Bulkhead"),

		/** {@code @Bulkhead(type = THREADPOOL)}: found through {@link #BULKHEAD}. */
		THREAD_POOL_BULKHEAD("io.github.resilience4j.bulkhead.annotation.Bulkhead"),

		RATE_LIMITER("io.github.resilience4j.ratelimiter.annotation.RateLimiter"),

		SPRING_RETRY("org.springframework.resilience.annotation.Retryable");

		final String annotation;

		Kind(String annotation) {
			this.annotation = annotation;
		}

	}

}
