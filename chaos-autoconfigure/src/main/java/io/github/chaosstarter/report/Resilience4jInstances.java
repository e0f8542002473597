package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Reads the application's Resilience4j registries: which instances exist and how each is
 * configured. Adds no event consumer (see {@link Resilience4jObserver}). Each module is
 * read only when it is on the class path.
 *
 * @author Chaos Starter team
 */
final class Resilience4jInstances implements InstanceSettings {

	private static final ClassLoader CLASS_LOADER = Resilience4jInstances.class.getClassLoader();

	static final boolean RETRY = ClassUtils.isPresent("io.github.resilience4j.retry.RetryRegistry", CLASS_LOADER);

	static final boolean TIME_LIMITER = ClassUtils.isPresent("io.github.resilience4j.timelimiter.TimeLimiterRegistry",
			CLASS_LOADER);

	static final boolean BULKHEAD = ClassUtils.isPresent("io.github.resilience4j.bulkhead.BulkheadRegistry",
			CLASS_LOADER);

	private static final String RETRY_ASPECT = "io.github.resilience4j.spring6.retry.configure.RetryAspect";

	private static final String BREAKER_ASPECT = "io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspect";

	private final ListableBeanFactory beanFactory;

	Resilience4jInstances(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	<T> List<T> registries(Class<T> type) {
		return this.beanFactory.getBeanProvider(type).orderedStream().toList();
	}

	private <R, E> @Nullable E find(Class<R> registryType, Function<R, java.util.Optional<E>> find) {
		for (R registry : registries(registryType)) {
			E entry = find.apply(registry).orElse(null);
			if (entry != null) {
				return entry;
			}
		}
		return null;
	}

	@Override
	public Set<String> circuitBreakers() {
		Set<String> names = new TreeSet<>();
		registries(CircuitBreakerRegistry.class)
			.forEach((registry) -> registry.getAllCircuitBreakers().forEach((breaker) -> names.add(breaker.getName())));
		return names;
	}

	@Override
	public @Nullable BreakerSettings breaker(String name) {
		CircuitBreaker breaker = find(CircuitBreakerRegistry.class, (registry) -> registry.find(name));
		return (breaker != null) ? settings(breaker.getCircuitBreakerConfig()) : null;
	}

	static BreakerSettings settings(CircuitBreakerConfig config) {
		boolean countBased = config.getSlidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
		int minimum = countBased ? Math.min(config.getMinimumNumberOfCalls(), config.getSlidingWindowSize())
				: config.getMinimumNumberOfCalls();
		return new BreakerSettings(minimum, config.getFailureRateThreshold(), config.getSlidingWindowSize(), countBased,
				config.getPermittedNumberOfCallsInHalfOpenState(), config.getRecordExceptionPredicate(),
				config.getIgnoreExceptionPredicate(), config.getSlowCallDurationThreshold(),
				config.getSlowCallRateThreshold());
	}

	@Override
	public @Nullable String breakerState(String name) {
		CircuitBreaker breaker = find(CircuitBreakerRegistry.class, (registry) -> registry.find(name));
		return (breaker != null) ? breaker.getState().name() : null;
	}

	@Override
	public Set<String> retries() {
		return RETRY ? Retries.names(this) : Set.of();
	}

	@Override
	public @Nullable RetrySettings retry(String name) {
		return RETRY ? Retries.settings(this, name) : null;
	}

	@Override
	public Set<String> timeLimiters() {
		return TIME_LIMITER ? TimeLimiters.names(this) : Set.of();
	}

	@Override
	public @Nullable Duration timeLimiterTimeout(String name) {
		return TIME_LIMITER ? TimeLimiters.timeout(this, name) : null;
	}

	@Override
	public Set<String> bulkheads(boolean threadPool) {
		return BULKHEAD ? Bulkheads.names(this, threadPool) : Set.of();
	}

	@Override
	public @Nullable String bulkheadLimit(String name, boolean threadPool) {
		return BULKHEAD ? Bulkheads.limit(this, name, threadPool) : null;
	}

	@Override
	public int @Nullable [] retryAndBreakerOrder() {
		if (!ClassUtils.isPresent(RETRY_ASPECT, CLASS_LOADER) || !ClassUtils.isPresent(BREAKER_ASPECT, CLASS_LOADER)) {
			return null;
		}
		Integer retry = order(RETRY_ASPECT);
		Integer breaker = order(BREAKER_ASPECT);
		return (retry != null && breaker != null) ? new int[] { retry, breaker } : null;
	}

	private @Nullable Integer order(String aspect) {
		Object bean = this.beanFactory.getBeanProvider(ClassUtils.resolveClassName(aspect, CLASS_LOADER)).getIfUnique();
		return (bean instanceof Ordered ordered) ? ordered.getOrder() : null;
	}

	private static final class Retries {

		static Set<String> names(Resilience4jInstances instances) {
			Set<String> names = new TreeSet<>();
			instances.registries(RetryRegistry.class)
				.forEach((registry) -> registry.getAllRetries().forEach((retry) -> names.add(retry.getName())));
			return names;
		}

		static @Nullable RetrySettings settings(Resilience4jInstances instances, String name) {
			var retry = instances.find(RetryRegistry.class, (registry) -> registry.find(name));
			if (retry == null) {
				return null;
			}
			RetryConfig config = retry.getRetryConfig();
			return new RetrySettings(config.getMaxAttempts(), fixedWait(config));
		}

		/**
		 * Evaluate the interval function a few times: a constant result means a fixed
		 * wait without backoff or jitter.
		 */
		private static @Nullable Duration fixedWait(RetryConfig config) {
			try {
				Either<Throwable, Object> failure = Either.left(new IllegalStateException("probe"));
				Long first = config.getIntervalBiFunction().apply(1, failure);
				if (first == null) {
					return null;
				}
				for (int attempt = 1; attempt <= 4; attempt++) {
					for (int repeat = 0; repeat < 3; repeat++) {
						if (!first.equals(config.getIntervalBiFunction().apply(attempt, failure))) {
							return null;
						}
					}
				}
				return Duration.ofMillis(first);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

	private static final class TimeLimiters {

		static Set<String> names(Resilience4jInstances instances) {
			Set<String> names = new TreeSet<>();
			instances.registries(TimeLimiterRegistry.class)
				.forEach(
						(registry) -> registry.getAllTimeLimiters().forEach((limiter) -> names.add(limiter.getName())));
			return names;
		}

		static @Nullable Duration timeout(Resilience4jInstances instances, String name) {
			var limiter = instances.find(TimeLimiterRegistry.class, (registry) -> registry.find(name));
			return (limiter != null) ? limiter.getTimeLimiterConfig().getTimeoutDuration() : null;
		}

	}

	private static final class Bulkheads {

		static Set<String> names(Resilience4jInstances instances, boolean threadPool) {
			Set<String> names = new TreeSet<>();
			if (threadPool) {
				instances.registries(ThreadPoolBulkheadRegistry.class)
					.forEach((registry) -> registry.getAllBulkheads()
						.forEach((bulkhead) -> names.add(bulkhead.getName())));
			}
			else {
				instances.registries(BulkheadRegistry.class)
					.forEach((registry) -> registry.getAllBulkheads()
						.forEach((bulkhead) -> names.add(bulkhead.getName())));
			}
			return names;
		}

		static @Nullable String limit(Resilience4jInstances instances, String name, boolean threadPool) {
			if (threadPool) {
				var bulkhead = instances.find(ThreadPoolBulkheadRegistry.class, (registry) -> registry.find(name));
				if (bulkhead == null) {
					return null;
				}
				ThreadPoolBulkheadConfig config = bulkhead.getBulkheadConfig();
				return "maxThreadPoolSize=" + config.getMaxThreadPoolSize() + ", queueCapacity="
						+ config.getQueueCapacity();
			}
			var bulkhead = instances.find(BulkheadRegistry.class, (registry) -> registry.find(name));
			return (bulkhead != null) ? "maxConcurrentCalls=" + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
					: null;
		}

	}

}
