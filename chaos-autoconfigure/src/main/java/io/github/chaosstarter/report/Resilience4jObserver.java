package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.Registry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.engine.ChaosListener;

/**
 * Listens to the events of every circuit breaker, retry, time limiter and bulkhead
 * (semaphore and thread pool) in the application's Resilience4j registries, existing and
 * created later, Spring Cloud CircuitBreaker's included, and hands them to
 * {@link ResilienceEvents}. The consumers are added when chaos is switched on for the
 * first time, not at startup: Resilience4j allocates an event per call once an instance
 * has a consumer, and consumers cannot be removed. Each instance gets its consumers once.
 *
 * @author Chaos Starter team
 */
class Resilience4jObserver implements ChaosListener {

	private final Resilience4jInstances instances;

	private final ObjectProvider<ResilienceEvents> eventsProvider;

	private @Nullable ResilienceEvents events;

	private final AtomicBoolean started = new AtomicBoolean();

	private final Set<Object> observed = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	Resilience4jObserver(Resilience4jInstances instances, ObjectProvider<ResilienceEvents> events) {
		this.instances = instances;
		this.eventsProvider = events;
	}

	@Override
	public void onChange(Change change) {
		if (change.enabled() && this.started.compareAndSet(false, true)) {
			start();
		}
	}

	boolean started() {
		return this.started.get();
	}

	private void start() {
		this.events = this.eventsProvider.getIfAvailable();
		if (this.events == null) {
			return;
		}
		for (CircuitBreakerRegistry registry : this.instances.registries(CircuitBreakerRegistry.class)) {
			observe(registry, CircuitBreakerRegistry::getAllCircuitBreakers, this::observe);
		}
		if (Resilience4jInstances.RETRY) {
			Retries.start(this);
		}
		if (Resilience4jInstances.TIME_LIMITER) {
			TimeLimiters.start(this);
		}
		if (Resilience4jInstances.BULKHEAD) {
			Bulkheads.start(this);
		}
	}

	/**
	 * Subscribe to every instance of a registry, and to the instances it adds later.
	 */
	<E, R extends Registry<E, ?>> void observe(R registry, Function<R, Collection<E>> all, Consumer<E> subscribe) {
		Consumer<E> once = (entry) -> {
			if (this.observed.add(entry)) {
				subscribe.accept(entry);
			}
		};
		registry.getEventPublisher().onEntryAdded((event) -> once.accept(event.getAddedEntry()));
		registry.getEventPublisher().onEntryReplaced((event) -> once.accept(event.getNewEntry()));
		all.apply(registry).forEach(once);
	}

	private void observe(CircuitBreaker breaker) {
		ResilienceEvents events = events();
		// the settings from the breaker itself: the registry may still be adding it
		BreakerTrack track = events.breaker(breaker.getName(),
				Resilience4jInstances.settings(breaker.getCircuitBreakerConfig()));
		breaker.getEventPublisher()
			.onError((event) -> events.breakerCall(track, nanos(event.getElapsedDuration()), event.getThrowable()))
			.onSuccess((event) -> events.breakerCall(track, nanos(event.getElapsedDuration()), null))
			.onIgnoredError((event) -> events.breakerIgnored(track, event.getThrowable()))
			.onCallNotPermitted((event) -> events.breakerNotPermitted(track))
			.onStateTransition((event) -> events.breakerTransition(track,
					event.getStateTransition().getFromState().name(), event.getStateTransition().getToState().name(),
					breaker.getMetrics().getNumberOfBufferedCalls(), breaker.getMetrics().getNumberOfFailedCalls(),
					breaker.getMetrics().getNumberOfSlowCalls()));
	}

	private ResilienceEvents events() {
		ResilienceEvents events = this.events;
		if (events == null) {
			throw new IllegalStateException("Not started");
		}
		return events;
	}

	private static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Loaded only with resilience4j-retry.
	 */
	private static final class Retries {

		static void start(Resilience4jObserver observer) {
			ResilienceEvents events = observer.events();
			for (RetryRegistry registry : observer.instances.registries(RetryRegistry.class)) {
				observer.observe(registry, RetryRegistry::getAllRetries, (Retry retry) -> {
					String name = retry.getName();
					retry.getEventPublisher()
						.onRetry((event) -> events.retryAttempt(name, event.getLastThrowable()))
						.onError((event) -> events.retryExhausted(name, event.getLastThrowable()))
						.onSuccess((event) -> events.retryRecovered(name, event.getLastThrowable()))
						.onIgnoredError((event) -> events.retryIgnored(name, event.getLastThrowable()));
				});
			}
		}

	}

	/**
	 * Loaded only with resilience4j-timelimiter.
	 */
	private static final class TimeLimiters {

		static void start(Resilience4jObserver observer) {
			ResilienceEvents events = observer.events();
			for (TimeLimiterRegistry registry : observer.instances.registries(TimeLimiterRegistry.class)) {
				observer.observe(registry, TimeLimiterRegistry::getAllTimeLimiters, (TimeLimiter limiter) -> {
					String name = limiter.getName();
					limiter.getEventPublisher().onTimeout((event) -> events.limiterTimeout(name));
				});
			}
		}

	}

	/**
	 * Loaded only with resilience4j-bulkhead.
	 */
	private static final class Bulkheads {

		static void start(Resilience4jObserver observer) {
			ResilienceEvents events = observer.events();
			for (BulkheadRegistry registry : observer.instances.registries(BulkheadRegistry.class)) {
				observer.observe(registry, BulkheadRegistry::getAllBulkheads, (Bulkhead bulkhead) -> {
					String name = bulkhead.getName();
					bulkhead.getEventPublisher().onCallRejected((event) -> events.bulkheadRejected(name, false));
				});
			}
			for (ThreadPoolBulkheadRegistry registry : observer.instances
				.registries(ThreadPoolBulkheadRegistry.class)) {
				observer.observe(registry, ThreadPoolBulkheadRegistry::getAllBulkheads,
						(ThreadPoolBulkhead bulkhead) -> {
							String name = bulkhead.getName();
							bulkhead.getEventPublisher().onCallRejected((event) -> events.bulkheadRejected(name, true));
						});
			}
		}

	}

}
