package io.github.chaosstarter.scenarios.conformance;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * What Resilience4j's own events showed, per instance: the ground truth of the
 * conformance scenarios, next to the schedule of injections each scenario makes by
 * construction. Event consumers cannot be removed, so each instance gets this class's
 * consumers once (instances are told apart by identity, so two application contexts never
 * share a log); {@link #clear()} forgets what every log has seen.
 */
final class Resilience4jEvents {

	private static final Map<Object, Log> LOGS = Collections.synchronizedMap(new IdentityHashMap<>());

	private Resilience4jEvents() {
	}

	static BreakerLog of(CircuitBreaker breaker) {
		return (BreakerLog) LOGS.computeIfAbsent(breaker, (key) -> new BreakerLog(breaker));
	}

	static RetryLog of(Retry retry) {
		return (RetryLog) LOGS.computeIfAbsent(retry, (key) -> new RetryLog(retry));
	}

	static LimiterLog of(TimeLimiter limiter) {
		return (LimiterLog) LOGS.computeIfAbsent(limiter, (key) -> new LimiterLog(limiter));
	}

	static BulkheadLog of(Bulkhead bulkhead) {
		return (BulkheadLog) LOGS.computeIfAbsent(bulkhead, (key) -> BulkheadLog.semaphore(bulkhead));
	}

	static BulkheadLog of(ThreadPoolBulkhead bulkhead) {
		return (BulkheadLog) LOGS.computeIfAbsent(bulkhead, (key) -> BulkheadLog.threadPool(bulkhead));
	}

	/**
	 * Forget every event seen so far.
	 */
	static void clear() {
		synchronized (LOGS) {
			LOGS.values().forEach(Log::clear);
		}
	}

	static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 16; depth++) {
			if (type.isInstance(current)) {
				return true;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return false;
	}

	static long count(List<Throwable> failures, Class<? extends Throwable> type) {
		return failures.stream().filter((failure) -> causedBy(failure, type)).count();
	}

	/** The events of one instance. */
	abstract static class Log {

		abstract void clear();

	}

	/** A circuit breaker's events. */
	static final class BreakerLog extends Log {

		private final List<Throwable> errors = new CopyOnWriteArrayList<>();

		private final AtomicInteger successes = new AtomicInteger();

		private final AtomicInteger notPermitted = new AtomicInteger();

		private final List<String> transitions = new CopyOnWriteArrayList<>();

		private final List<Duration> elapsed = new CopyOnWriteArrayList<>();

		private final List<Integer> callsAtOpenings = new CopyOnWriteArrayList<>();

		private BreakerLog(CircuitBreaker breaker) {
			breaker.getEventPublisher().onError((event) -> {
				this.errors.add(event.getThrowable());
				this.elapsed.add(event.getElapsedDuration());
			}).onSuccess((event) -> {
				this.successes.incrementAndGet();
				this.elapsed.add(event.getElapsedDuration());
			}).onCallNotPermitted((event) -> this.notPermitted.incrementAndGet()).onStateTransition((event) -> {
				CircuitBreaker.StateTransition transition = event.getStateTransition();
				this.transitions.add(transition.getFromState() + "->" + transition.getToState());
				if (transition.getToState() == CircuitBreaker.State.OPEN) {
					this.callsAtOpenings.add(this.elapsed.size());
				}
			});
		}

		/** How long each recorded call took, as the breaker measured it, in order. */
		List<Duration> elapsed() {
			return List.copyOf(this.elapsed);
		}

		/** How many calls had been recorded when each opening happened. */
		List<Integer> callsAtOpenings() {
			return List.copyOf(this.callsAtOpenings);
		}

		/** Recorded failures ({@code onError}), in order. */
		List<Throwable> errors() {
			return List.copyOf(this.errors);
		}

		/** Recorded failures of the given type, in the cause chain. */
		long errors(Class<? extends Throwable> type) {
			return count(this.errors, type);
		}

		int successes() {
			return this.successes.get();
		}

		/** Calls ({@code onSuccess} and {@code onError}) recorded in the window. */
		int calls() {
			return this.errors.size() + this.successes.get();
		}

		int notPermitted() {
			return this.notPermitted.get();
		}

		/** Transitions as {@code FROM->TO}, in order. */
		List<String> transitions() {
			return List.copyOf(this.transitions);
		}

		@Override
		void clear() {
			this.errors.clear();
			this.successes.set(0);
			this.notPermitted.set(0);
			this.transitions.clear();
			this.elapsed.clear();
			this.callsAtOpenings.clear();
		}

	}

	/** A retry's events. */
	static final class RetryLog extends Log {

		private final List<Throwable> retries = new CopyOnWriteArrayList<>();

		private final List<Throwable> exhausted = new CopyOnWriteArrayList<>();

		private final List<Throwable> recovered = new CopyOnWriteArrayList<>();

		private RetryLog(Retry retry) {
			retry.getEventPublisher()
				.onRetry((event) -> this.retries.add(event.getLastThrowable()))
				.onError((event) -> this.exhausted.add(event.getLastThrowable()))
				.onSuccess((event) -> this.recovered.add(event.getLastThrowable()));
		}

		/** The failures that were retried ({@code onRetry}). */
		List<Throwable> retries() {
			return List.copyOf(this.retries);
		}

		/** Calls that failed after their last attempt ({@code onError}). */
		int exhausted() {
			return this.exhausted.size();
		}

		/** Calls that succeeded after at least one retry ({@code onSuccess}). */
		int recovered() {
			return this.recovered.size();
		}

		@Override
		void clear() {
			this.retries.clear();
			this.exhausted.clear();
			this.recovered.clear();
		}

	}

	/** A time limiter's events. */
	static final class LimiterLog extends Log {

		private final AtomicInteger timeouts = new AtomicInteger();

		private final AtomicInteger successes = new AtomicInteger();

		private LimiterLog(TimeLimiter limiter) {
			limiter.getEventPublisher()
				.onTimeout((event) -> this.timeouts.incrementAndGet())
				.onSuccess((event) -> this.successes.incrementAndGet());
		}

		int timeouts() {
			return this.timeouts.get();
		}

		int successes() {
			return this.successes.get();
		}

		@Override
		void clear() {
			this.timeouts.set(0);
			this.successes.set(0);
		}

	}

	/** A bulkhead's events, semaphore or thread pool. */
	static final class BulkheadLog extends Log {

		private final AtomicInteger rejected = new AtomicInteger();

		private final AtomicInteger permitted = new AtomicInteger();

		private BulkheadLog() {
		}

		static BulkheadLog semaphore(Bulkhead bulkhead) {
			BulkheadLog log = new BulkheadLog();
			bulkhead.getEventPublisher()
				.onCallRejected((event) -> log.rejected.incrementAndGet())
				.onCallPermitted((event) -> log.permitted.incrementAndGet());
			return log;
		}

		static BulkheadLog threadPool(ThreadPoolBulkhead bulkhead) {
			BulkheadLog log = new BulkheadLog();
			bulkhead.getEventPublisher()
				.onCallRejected((event) -> log.rejected.incrementAndGet())
				.onCallPermitted((event) -> log.permitted.incrementAndGet());
			return log;
		}

		int rejected() {
			return this.rejected.get();
		}

		int permitted() {
			return this.permitted.get();
		}

		@Override
		void clear() {
			this.rejected.set(0);
			this.permitted.set(0);
		}

	}

}
