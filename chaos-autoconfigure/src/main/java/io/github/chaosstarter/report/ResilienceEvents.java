package io.github.chaosstarter.report;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosListener.Injection;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.ResilienceReport.Transition;

/**
 * What the resilience libraries' own events mean for the experiment: each event counts
 * only when {@link Attribution} finds that its call carried an injected fault. Called on
 * the thread that publishes the event; cheap, never throws; events arriving while chaos
 * is off change only what attribution needs (whether a breaker is open because of
 * injected faults).
 *
 * @author Chaos Starter team
 */
final class ResilienceEvents {

	private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

	private static final String TIMEOUT = "java.util.concurrent.TimeoutException";

	private final ResilienceRecorder recorder;

	private final Attribution attribution;

	ResilienceEvents(ResilienceRecorder recorder) {
		this.recorder = recorder;
		this.attribution = recorder.attribution;
	}

	boolean active() {
		return this.recorder.active();
	}

	/**
	 * Tell whether a failure a circuit breaker or retry recorded was injected, and if so
	 * note that a mechanism saw the method it was injected into: one that no annotation
	 * names (a Spring Cloud CircuitBreaker, a decorated lambda) guards it.
	 */
	private boolean seen(Experiment experiment, @Nullable Throwable failure) {
		String target = this.attribution.injectedTarget(failure);
		if (target == null) {
			return false;
		}
		if (!target.isEmpty()) {
			experiment.seenByMechanism(target);
		}
		return true;
	}

	private boolean seen(@Nullable Throwable failure) {
		return seen(this.recorder.experiment(), failure);
	}

	// circuit breakers

	/**
	 * Return what is followed of a circuit breaker, for its events to be handed in with.
	 * @param name the breaker's name
	 * @param settings its settings, read from the breaker itself
	 * @return its track
	 */
	BreakerTrack breaker(String name, InstanceSettings.@Nullable BreakerSettings settings) {
		return this.recorder.breaker(name, settings);
	}

	void breakerCall(BreakerTrack breaker, long elapsedNanos, @Nullable Throwable failure) {
		if (!active()) {
			return;
		}
		Experiment experiment = this.recorder.experiment();
		boolean injected = failure != null && seen(experiment, failure);
		BreakerStats stats = breaker.stats(experiment);
		int flags = breaker.record(failure != null, injected, elapsedNanos);
		// each call counts once, the sum of the three is the calls
		if (failure == null) {
			stats.successes.incrementAndGet();
		}
		else {
			(injected ? stats.injectedFailures : stats.realFailures).incrementAndGet();
		}
		if ((flags & Shadow.INJECTED_SLOW) != 0) {
			stats.injectedSlowCalls.incrementAndGet();
		}
	}

	void breakerIgnored(BreakerTrack breaker, @Nullable Throwable failure) {
		if (active() && seen(failure)) {
			BreakerStats stats = breaker.stats(this.recorder.experiment());
			if (stats.ignored.count.get() == 0) {
				// seen by a breaker no annotation names (Spring Cloud CircuitBreaker)
				stats.ignored.add(failure);
			}
		}
	}

	void breakerNotPermitted(BreakerTrack breaker) {
		if (!active()) {
			return;
		}
		BreakerStats stats = breaker.stats(this.recorder.experiment());
		stats.notPermitted.incrementAndGet();
		if (this.attribution.openedByInjection(breaker.name())) {
			// its CallNotPermittedException names the breaker: Attribution tells it apart
			stats.notPermittedAfterInjection.incrementAndGet();
		}
	}

	void breakerTransition(BreakerTrack track, String from, String to, int bufferedCalls, int failedCalls,
			int slowCalls) {
		String name = track.name();
		int[] counts = null;
		switch (to) {
			case "OPEN" -> {
				counts = track.opened(bufferedCalls, failedCalls, slowCalls);
				this.attribution.opened(name, active() && counts[5] == 1);
			}
			case "HALF_OPEN" -> track.halfOpen();
			default -> {
				track.reset();
				this.attribution.opened(name, false);
			}
		}
		if (!active()) {
			return;
		}
		Instant at = Instant.now();
		Transition transition = (counts != null) ? new Transition(from, to, at, counts[1] + counts[3], counts[0],
				counts[1], counts[2], counts[3], counts[4], counts[5] == 1)
				: new Transition(from, to, at, 0, 0, 0, 0, 0, 0, false);
		track.stats(this.recorder.experiment()).transition(transition);
	}

	// retries

	void retryAttempt(String name, @Nullable Throwable failure) {
		if (active() && seen(failure)) {
			this.recorder.experiment().retry(name).attempts.incrementAndGet();
		}
	}

	void retryExhausted(String name, @Nullable Throwable failure) {
		if (active() && seen(failure)) {
			this.recorder.experiment().retry(name).exhausted.incrementAndGet();
		}
	}

	/**
	 * Spring Framework publishes one event per failed attempt and one more, marked
	 * aborted, when it gives up: the last failure was not retried.
	 */
	void springRetryAborted(String name, @Nullable Throwable failure) {
		if (active() && this.attribution.injected(failure)) {
			Experiment.RetryStats stats = this.recorder.experiment().retry(name);
			stats.exhausted.incrementAndGet();
			stats.attempts.getAndUpdate((attempts) -> Math.max(0, attempts - 1));
		}
	}

	void retryRecovered(String name, @Nullable Throwable lastFailure) {
		if (active() && this.attribution.injected(lastFailure)) {
			this.recorder.experiment().retry(name).recovered.incrementAndGet();
		}
	}

	void retryIgnored(String name, @Nullable Throwable failure) {
		if (active() && seen(failure)) {
			this.recorder.experiment().retry(name).ignored.add(failure);
		}
	}

	// time limiters

	/**
	 * A time limiter timed a call out. It counts when that call was delayed by injected
	 * latency longer than the limiter's timeout: the delayed future is being completed
	 * with the timeout right now, or the delayed publisher was just cancelled on this
	 * thread, or (with a layer between, such as a bulkhead's own future) an over-long
	 * injected delay under this limiter is due now.
	 */
	void limiterTimeout(String name) {
		if (!active()) {
			return;
		}
		long now = System.nanoTime();
		boolean injected = InjectedFaults.signallingTimeout() != null;
		Duration timeout = this.recorder.limiterTimeout(name);
		Injection cancelled = InjectedFaults.takeCancelledDelay(Attribution.FRESH_NANOS);
		InFlight delays = this.recorder.delays.limiter(name);
		if (!injected && cancelled != null && timeout != null
				&& delays.takeCancelled(cancelled, now, timeout.toNanos())) {
			injected = true;
			this.attribution.announce(TIMEOUT, name);
		}
		if (!injected && timeout != null && delays.takeTimeout(now, timeout.toNanos())) {
			injected = true;
			this.attribution.announce(TIMEOUT, name);
		}
		if (!injected) {
			this.attribution.withdraw(TIMEOUT);
		}
		Experiment.LimiterStats stats = this.recorder.experiment().timeLimiter(name);
		(injected ? stats.timeouts : stats.otherTimeouts).incrementAndGet();
	}

	// bulkheads

	void bulkheadRejected(String name, boolean threadPool) {
		if (!active()) {
			return;
		}
		Experiment.BulkheadStats stats = this.recorder.experiment().bulkhead(name, threadPool);
		if (this.recorder.delays.bulkhead(name, threadPool).holding(System.nanoTime())) {
			stats.rejectedAfterInjection.incrementAndGet();
			this.attribution.announce(BULKHEAD_FULL, name);
		}
		else {
			stats.otherRejections.incrementAndGet();
			this.attribution.withdraw(BULKHEAD_FULL);
		}
	}

	// fallbacks

	/**
	 * Tell whether the primary call of a call guarded by a fallback failed because of an
	 * injected fault; asked when the failure is signalled, on its thread.
	 */
	boolean injected(Throwable failure) {
		return this.attribution.injected(failure);
	}

	/**
	 * Tell the outcome of a call guarded by a fallback whose primary call failed with an
	 * injected fault.
	 * @param method the guarded method
	 * @param fallbackMethod the fallback method's name
	 * @param failure what the primary call failed with
	 * @param served whether a normal value came out
	 */
	void fallbackOutcome(String method, String fallbackMethod, Throwable failure, boolean served) {
		if (!active()) {
			return;
		}
		Experiment.FallbackStats stats = this.recorder.experiment().fallback(method, fallbackMethod);
		if (served) {
			stats.invocations.incrementAndGet();
		}
		else {
			stats.passedThrough.add(failure);
		}
	}

}
