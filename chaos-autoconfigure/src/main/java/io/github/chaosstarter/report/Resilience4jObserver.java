package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Listens to the events of every circuit breaker, retry, time limiter and bulkhead in the
 * application's Resilience4j registries (Spring Cloud CircuitBreaker's included, which
 * uses the same registries), existing and created later, and tells the
 * {@link ResilienceRecorder}. Also answers the recorder's questions about each instance's
 * configuration. Each instance gets its consumers once; consumers are cheap and never
 * throw.
 *
 * @author Chaos Starter team
 */
class Resilience4jObserver implements SmartInitializingSingleton, InstanceSettings {

	private static final String RETRY_REGISTRY = "io.github.resilience4j.retry.RetryRegistry";

	private static final String TIME_LIMITER_REGISTRY = "io.github.resilience4j.timelimiter.TimeLimiterRegistry";

	private static final String BULKHEAD_REGISTRY = "io.github.resilience4j.bulkhead.BulkheadRegistry";

	private static final String RETRY_PROPERTIES = "io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties";

	private static final String RETRY_ASPECT = "io.github.resilience4j.spring6.retry.configure.RetryAspect";

	private static final String BREAKER_ASPECT = "io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspect";

	private final ObjectProvider<ResilienceRecorder> recorderProvider;

	private final ListableBeanFactory beanFactory;

	private @Nullable ResilienceRecorder recorder;

	private final Set<Object> observed = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	private List<CircuitBreakerRegistry> breakerRegistries = List.of();

	private @Nullable RetrySupport retries;

	private @Nullable TimeLimiterSupport timeLimiters;

	private @Nullable BulkheadSupport bulkheads;

	private int @Nullable [] orders;

	Resilience4jObserver(ObjectProvider<ResilienceRecorder> recorder, ListableBeanFactory beanFactory) {
		this.recorderProvider = recorder;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ResilienceRecorder recorder = this.recorderProvider.getIfAvailable();
		if (recorder == null) {
			return;
		}
		this.recorder = recorder;
		ClassLoader classLoader = getClass().getClassLoader();
		this.breakerRegistries = this.beanFactory.getBeanProvider(CircuitBreakerRegistry.class)
			.orderedStream()
			.toList();
		for (CircuitBreakerRegistry registry : this.breakerRegistries) {
			registry.getEventPublisher().onEntryAdded((event) -> observe(event.getAddedEntry()));
			registry.getEventPublisher().onEntryReplaced((event) -> observe(event.getNewEntry()));
			registry.getAllCircuitBreakers().forEach(this::observe);
		}
		if (ClassUtils.isPresent(RETRY_REGISTRY, classLoader)) {
			this.retries = new RetrySupport(recorder, this.beanFactory, this.observed,
					ClassUtils.isPresent(RETRY_PROPERTIES, classLoader));
		}
		if (ClassUtils.isPresent(TIME_LIMITER_REGISTRY, classLoader)) {
			this.timeLimiters = new TimeLimiterSupport(recorder, this.beanFactory, this.observed);
		}
		if (ClassUtils.isPresent(BULKHEAD_REGISTRY, classLoader)) {
			this.bulkheads = new BulkheadSupport(recorder, this.beanFactory, this.observed);
		}
		this.orders = aspectOrders(classLoader);
		recorder.setSettings(this);
		recorder.reset();
	}

	private int @Nullable [] aspectOrders(ClassLoader classLoader) {
		if (!ClassUtils.isPresent(RETRY_ASPECT, classLoader) || !ClassUtils.isPresent(BREAKER_ASPECT, classLoader)) {
			return null;
		}
		Integer retry = order(ClassUtils.resolveClassName(RETRY_ASPECT, classLoader));
		Integer breaker = order(ClassUtils.resolveClassName(BREAKER_ASPECT, classLoader));
		return (retry != null && breaker != null) ? new int[] { retry, breaker } : null;
	}

	private @Nullable Integer order(Class<?> type) {
		Object aspect = this.beanFactory.getBeanProvider(type).getIfUnique();
		return (aspect instanceof Ordered ordered) ? ordered.getOrder() : null;
	}

	private void observe(CircuitBreaker breaker) {
		ResilienceRecorder recorder = this.recorder;
		if (recorder == null || !this.observed.add(breaker)) {
			return;
		}
		String name = breaker.getName();
		breaker.getEventPublisher()
			.onError((event) -> recorder.breakerError(name, event.getThrowable()))
			.onIgnoredError((event) -> recorder.breakerIgnoredError(name, event.getThrowable()))
			.onCallNotPermitted((event) -> recorder.breakerNotPermitted(name))
			.onStateTransition((event) -> recorder.breakerTransition(name,
					event.getStateTransition().getFromState().name(), event.getStateTransition().getToState().name(),
					(event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) ? openedBecause(breaker)
							: null));
	}

	private static @Nullable String openedBecause(CircuitBreaker breaker) {
		try {
			CircuitBreaker.Metrics metrics = breaker.getMetrics();
			CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
			if (metrics.getFailureRate() >= config.getFailureRateThreshold()) {
				return "opened after " + metrics.getNumberOfFailedCalls() + " of " + metrics.getNumberOfBufferedCalls()
						+ " calls failed (threshold " + VerdictJudge.percent(config.getFailureRateThreshold()) + ")";
			}
			return "opened after " + metrics.getNumberOfSlowCalls() + " of " + metrics.getNumberOfBufferedCalls()
					+ " calls were slow (slowCallRateThreshold "
					+ VerdictJudge.percent(config.getSlowCallRateThreshold()) + ")";
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private @Nullable CircuitBreaker findBreaker(String name) {
		for (CircuitBreakerRegistry registry : this.breakerRegistries) {
			CircuitBreaker breaker = registry.find(name).orElse(null);
			if (breaker != null) {
				return breaker;
			}
		}
		return null;
	}

	@Override
	public Set<String> circuitBreakers() {
		Set<String> names = new TreeSet<>();
		this.breakerRegistries
			.forEach((registry) -> registry.getAllCircuitBreakers().forEach((breaker) -> names.add(breaker.getName())));
		return names;
	}

	@Override
	public @Nullable BreakerSettings breaker(String name) {
		CircuitBreaker breaker = findBreaker(name);
		if (breaker == null) {
			return null;
		}
		CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
		boolean countBased = config.getSlidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
		int minimum = countBased ? Math.min(config.getMinimumNumberOfCalls(), config.getSlidingWindowSize())
				: config.getMinimumNumberOfCalls();
		return new BreakerSettings(minimum, config.getFailureRateThreshold(), config.getSlidingWindowSize(), countBased,
				config.getRecordExceptionPredicate(), config.getIgnoreExceptionPredicate(),
				config.getSlowCallDurationThreshold(), config.getSlowCallRateThreshold());
	}

	@Override
	public @Nullable String breakerState(String name) {
		CircuitBreaker breaker = findBreaker(name);
		return (breaker != null) ? breaker.getState().name() : null;
	}

	@Override
	public Set<String> retries() {
		return (this.retries != null) ? this.retries.names() : Set.of();
	}

	@Override
	public @Nullable RetrySettings retry(String name) {
		return (this.retries != null) ? this.retries.settings(name) : null;
	}

	@Override
	public Set<String> timeLimiters() {
		return (this.timeLimiters != null) ? this.timeLimiters.names() : Set.of();
	}

	@Override
	public @Nullable Duration timeLimiterTimeout(String name) {
		return (this.timeLimiters != null) ? this.timeLimiters.timeout(name) : null;
	}

	@Override
	public Set<String> bulkheads() {
		return (this.bulkheads != null) ? this.bulkheads.names() : Set.of();
	}

	@Override
	public @Nullable Integer bulkheadMaxConcurrentCalls(String name) {
		return (this.bulkheads != null) ? this.bulkheads.maxConcurrentCalls(name) : null;
	}

	@Override
	public int @Nullable [] retryAndBreakerOrder() {
		return this.orders;
	}

	/**
	 * Retry observation, loaded only when resilience4j-retry is present.
	 */
	static final class RetrySupport {

		private final ResilienceRecorder recorder;

		private final List<RetryRegistry> registries;

		private final Set<Object> observed;

		private final List<io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties> properties;

		@SuppressWarnings("unchecked")
		RetrySupport(ResilienceRecorder recorder, ListableBeanFactory beanFactory, Set<Object> observed,
				boolean propertiesPresent) {
			this.recorder = recorder;
			this.observed = observed;
			this.registries = beanFactory.getBeanProvider(RetryRegistry.class).orderedStream().toList();
			this.properties = propertiesPresent ? beanFactory
				.getBeanProvider(
						io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties.class)
				.orderedStream()
				.toList() : List.of();
			for (RetryRegistry registry : this.registries) {
				registry.getEventPublisher().onEntryAdded((event) -> observe(event.getAddedEntry()));
				registry.getEventPublisher().onEntryReplaced((event) -> observe(event.getNewEntry()));
				registry.getAllRetries().forEach(this::observe);
			}
		}

		private void observe(Retry retry) {
			if (!this.observed.add(retry)) {
				return;
			}
			String name = retry.getName();
			ResilienceRecorder recorder = this.recorder;
			retry.getEventPublisher()
				.onRetry((event) -> recorder.retryAttempt(name, event.getLastThrowable()))
				.onError((event) -> recorder.retryExhausted(name, event.getLastThrowable()))
				.onSuccess((event) -> recorder.retryRecovered(name, event.getLastThrowable()))
				.onIgnoredError((event) -> recorder.retryIgnored(name, event.getLastThrowable(),
						ignoredBy(name, event.getLastThrowable())));
		}

		private @Nullable Retry find(String name) {
			for (RetryRegistry registry : this.registries) {
				Retry retry = registry.find(name).orElse(null);
				if (retry != null) {
					return retry;
				}
			}
			return null;
		}

		Set<String> names() {
			Set<String> names = new TreeSet<>();
			this.registries
				.forEach((registry) -> registry.getAllRetries().forEach((retry) -> names.add(retry.getName())));
			return names;
		}

		@Nullable RetrySettings settings(String name) {
			Retry retry = find(name);
			if (retry == null) {
				return null;
			}
			RetryConfig config = retry.getRetryConfig();
			Function<Throwable, String> ignoredBy = (failure) -> ignoredBy(name, failure);
			return new RetrySettings(config.getMaxAttempts(), config.getExceptionPredicate(), fixedWait(config),
					ignoredBy);
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

		/**
		 * Which configuration key keeps the given exception from being retried.
		 */
		@Nullable String ignoredBy(String name, @Nullable Throwable failure) {
			if (failure == null) {
				return null;
			}
			try {
				for (var properties : this.properties) {
					var instance = properties.getInstances().get(name);
					for (int depth = 0; instance != null && depth < 4; depth++) {
						if (matches(instance.getIgnoreExceptions(), failure)) {
							return "ignoreExceptions";
						}
						String base = instance.getBaseConfig();
						instance = (base != null) ? properties.getConfigs().get(base) : null;
					}
					var defaults = properties.getConfigs().get("default");
					if (defaults != null && matches(defaults.getIgnoreExceptions(), failure)) {
						return "ignoreExceptions";
					}
				}
			}
			catch (RuntimeException ex) {
				// fall through
			}
			return "retryExceptions";
		}

		private static boolean matches(Class<? extends Throwable> @Nullable [] types, Throwable failure) {
			if (types == null) {
				return false;
			}
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(failure)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Time limiter observation, loaded only when resilience4j-timelimiter is present.
	 */
	static final class TimeLimiterSupport {

		private final ResilienceRecorder recorder;

		private final List<TimeLimiterRegistry> registries;

		private final Set<Object> observed;

		TimeLimiterSupport(ResilienceRecorder recorder, ListableBeanFactory beanFactory, Set<Object> observed) {
			this.recorder = recorder;
			this.observed = observed;
			this.registries = beanFactory.getBeanProvider(TimeLimiterRegistry.class).orderedStream().toList();
			for (TimeLimiterRegistry registry : this.registries) {
				registry.getEventPublisher().onEntryAdded((event) -> observe(event.getAddedEntry()));
				registry.getEventPublisher().onEntryReplaced((event) -> observe(event.getNewEntry()));
				registry.getAllTimeLimiters().forEach(this::observe);
			}
		}

		private void observe(TimeLimiter limiter) {
			if (!this.observed.add(limiter)) {
				return;
			}
			String name = limiter.getName();
			ResilienceRecorder recorder = this.recorder;
			limiter.getEventPublisher().onTimeout((event) -> recorder.timeLimiterTimeout(name));
		}

		Set<String> names() {
			Set<String> names = new TreeSet<>();
			this.registries.forEach(
					(registry) -> registry.getAllTimeLimiters().forEach((limiter) -> names.add(limiter.getName())));
			return names;
		}

		@Nullable Duration timeout(String name) {
			for (TimeLimiterRegistry registry : this.registries) {
				TimeLimiter limiter = registry.find(name).orElse(null);
				if (limiter != null) {
					return limiter.getTimeLimiterConfig().getTimeoutDuration();
				}
			}
			return null;
		}

	}

	/**
	 * Bulkhead observation, loaded only when resilience4j-bulkhead is present.
	 */
	static final class BulkheadSupport {

		private final ResilienceRecorder recorder;

		private final List<io.github.resilience4j.bulkhead.BulkheadRegistry> registries;

		private final Set<Object> observed;

		BulkheadSupport(ResilienceRecorder recorder, ListableBeanFactory beanFactory, Set<Object> observed) {
			this.recorder = recorder;
			this.observed = observed;
			this.registries = beanFactory.getBeanProvider(io.github.resilience4j.bulkhead.BulkheadRegistry.class)
				.orderedStream()
				.toList();
			for (var registry : this.registries) {
				registry.getEventPublisher().onEntryAdded((event) -> observe(event.getAddedEntry()));
				registry.getEventPublisher().onEntryReplaced((event) -> observe(event.getNewEntry()));
				registry.getAllBulkheads().forEach(this::observe);
			}
		}

		private void observe(io.github.resilience4j.bulkhead.Bulkhead bulkhead) {
			if (!this.observed.add(bulkhead)) {
				return;
			}
			String name = bulkhead.getName();
			ResilienceRecorder recorder = this.recorder;
			bulkhead.getEventPublisher().onCallRejected((event) -> recorder.bulkheadRejected(name));
		}

		Set<String> names() {
			Set<String> names = new TreeSet<>();
			this.registries
				.forEach((registry) -> registry.getAllBulkheads().forEach((bulkhead) -> names.add(bulkhead.getName())));
			return names;
		}

		@Nullable Integer maxConcurrentCalls(String name) {
			for (var registry : this.registries) {
				var bulkhead = registry.find(name).orElse(null);
				if (bulkhead != null) {
					return bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
				}
			}
			return null;
		}

	}

}
