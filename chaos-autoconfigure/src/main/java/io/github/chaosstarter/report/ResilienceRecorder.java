package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.Experiment.Attacked;
import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.Experiment.FallbackStats;
import io.github.chaosstarter.report.Experiment.TimeLimiterStats;
import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosListener;

/**
 * Records the current experiment and produces its {@link ResilienceReport}. Told of every
 * injection and chaos change by the runtime, and of the resilience libraries' events by
 * the observers that the auto-configuration installs. An experiment starts when chaos is
 * switched on or the report is reset. Every callback is cheap and never throws.
 *
 * @author Chaos Starter team
 */
class ResilienceRecorder implements Chaos.Reports, ChaosListener {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter.report");

	private volatile boolean enabled;

	private final Clock clock;

	private final Guards guards = new Guards();

	private volatile InstanceSettings settings = InstanceSettings.NONE;

	private volatile Experiment experiment;

	/**
	 * Create a recorder whose first experiment starts now.
	 * @param holder the holder of the current chaos state
	 * @param clock the clock
	 */
	ResilienceRecorder(Clock clock) {
		this.clock = clock;
		this.experiment = new Experiment(clock.instant(), Map.of());
	}

	@Override
	public ResilienceReport report() {
		return new VerdictJudge(this.settings).judge(this.experiment);
	}

	@Override
	public void reset() {
		InstanceSettings settings = this.settings;
		Map<String, String> states = new HashMap<>();
		for (String name : settings.circuitBreakers()) {
			String state = settings.breakerState(name);
			if (state != null) {
				states.put(name, state);
			}
		}
		this.experiment = new Experiment(this.clock.instant(), states);
	}

	@Override
	public void onChange(Change change) {
		this.enabled = change.enabled();
		if (change.enabledChaos()) {
			reset();
		}
		else if (change.disabledChaos() && logger.isInfoEnabled()) {
			logger.info(ReportSummary.format(report()));
		}
	}

	void setSettings(InstanceSettings settings) {
		this.settings = settings;
	}

	InstanceSettings settings() {
		return this.settings;
	}

	boolean chaosActive() {
		return this.enabled;
	}

	@Override
	public void onInjection(Injection injection) {
		if (injection.dryRun()) {
			return;
		}
		Experiment experiment = this.experiment;
		experiment.countInjection(injection.assault());
		Method method = injection.method();
		Class<?> type = injection.beanType();
		if (type == null || method == null) {
			return;
		}
		List<Guard> guards = this.guards.of(method, type);
		String name = Guards.shortName(type, method);
		experiment.attacked.computeIfAbsent(method,
				(key) -> new Attacked(name, guards, "rest-controller".equals(injection.beanKind())));
		Throwable failure = injection.failure();
		if (failure != null) {
			experiment.markInjected(failure);
		}
		if (guards.isEmpty()) {
			Experiment.UnprotectedStats stats = experiment.unprotected(name);
			stats.injections.incrementAndGet();
			if (failure != null) {
				stats.injectedFailures.incrementAndGet();
			}
			return;
		}
		boolean timeLimited = false;
		for (Guard guard : guards) {
			switch (guard.kind()) {
				case CIRCUIT_BREAKER -> {
					BreakerStats stats = experiment.breaker(guard.name());
					if (injection.delayNanos() > 0) {
						stats.delays.incrementAndGet();
						stats.longestDelayNanos.accumulateAndGet(injection.delayNanos(), Math::max);
					}
					if (failure != null) {
						breakerReached(stats, guard.name(), failure);
					}
				}
				case RETRY, SPRING_RETRY -> {
					if (failure != null) {
						experiment.retry(guard.name()).reached.incrementAndGet();
					}
				}
				case TIME_LIMITER -> {
					timeLimited = true;
					TimeLimiterStats stats = experiment.timeLimiter(guard.name());
					if (injection.delayNanos() > 0) {
						stats.latencyInjections.incrementAndGet();
						stats.longestDelayNanos.accumulateAndGet(injection.delayNanos(), Math::max);
					}
					if (failure != null) {
						stats.failuresReached.incrementAndGet();
					}
				}
				case BULKHEAD -> experiment.bulkhead(guard.name()).reached.incrementAndGet();
				default -> {
				}
			}
		}
		if (failure != null || (timeLimited && injection.delayNanos() > 0)) {
			for (Guard guard : guards) {
				if (guard.hasFallback()) {
					experiment.fallback(name, guard.fallbackMethod()).reached.incrementAndGet();
				}
			}
		}
	}

	private void breakerReached(BreakerStats stats, String name, Throwable failure) {
		stats.reached.incrementAndGet();
		BreakerSettings config = this.settings.breaker(name);
		if (config == null) {
			return;
		}
		try {
			if (config.ignores().test(failure)) {
				stats.ignored.add(failure);
			}
			else if (!config.records().test(failure)) {
				stats.notRecorded.add(failure);
			}
		}
		catch (RuntimeException ex) {
			// a user predicate failed: the breaker will tell us through its own events
		}
	}

	// Resilience4j circuit breaker events

	void breakerError(String name, @Nullable Throwable failure) {
		Experiment experiment = this.experiment;
		if (experiment.isInjected(failure)) {
			experiment.breaker(name).failures.incrementAndGet();
		}
	}

	void breakerIgnoredError(String name, @Nullable Throwable failure) {
		Experiment experiment = this.experiment;
		Throwable injected = experiment.injected(failure);
		if (injected != null) {
			BreakerStats stats = experiment.breaker(name);
			if (stats.ignored.count.get() == 0) {
				// seen by a breaker that no annotation names (e.g. Spring Cloud
				// CircuitBreaker)
				stats.ignored.add(injected);
			}
		}
	}

	void breakerNotPermitted(String name) {
		this.experiment.breaker(name).notPermitted.incrementAndGet();
	}

	void breakerTransition(String name, String from, String to, @Nullable String because) {
		Experiment experiment = this.experiment;
		BreakerStats stats = experiment.breaker(name);
		long failures = stats.failures.get() + stats.delays.get();
		stats.transitions.add(new Transition(from, to, this.clock.instant(), failures));
		if ("OPEN".equals(to) && failures > 0 && stats.openedBecause == null && because != null) {
			stats.openedBecause = because;
		}
	}

	// Resilience4j and Spring Framework retry events

	void retryAttempt(String name, @Nullable Throwable failure) {
		Experiment experiment = this.experiment;
		if (experiment.isInjected(failure)) {
			experiment.retry(name).attempts.incrementAndGet();
		}
	}

	void retryExhausted(String name, @Nullable Throwable failure) {
		Experiment experiment = this.experiment;
		if (experiment.isInjected(failure)) {
			experiment.retry(name).exhausted.incrementAndGet();
		}
	}

	/**
	 * Spring Framework publishes one event per failed attempt and one more, marked
	 * aborted, when it gives up: the last failure was not retried.
	 */
	void springRetryAborted(String name, @Nullable Throwable failure) {
		Experiment experiment = this.experiment;
		if (experiment.isInjected(failure)) {
			Experiment.RetryStats stats = experiment.retry(name);
			stats.exhausted.incrementAndGet();
			stats.attempts.getAndUpdate((attempts) -> Math.max(0, attempts - 1));
		}
	}

	void retryRecovered(String name, @Nullable Throwable lastFailure) {
		Experiment experiment = this.experiment;
		if (experiment.isInjected(lastFailure)) {
			experiment.retry(name).recovered.incrementAndGet();
		}
	}

	void retryIgnored(String name, @Nullable Throwable failure, @Nullable String key) {
		Experiment experiment = this.experiment;
		Throwable injected = experiment.injected(failure);
		if (injected != null) {
			experiment.retry(name).ignored.add(injected, key);
		}
	}

	// Resilience4j time limiter events

	void timeLimiterTimeout(String name) {
		Experiment experiment = this.experiment;
		TimeLimiterStats stats = experiment.timeLimiters.get(name);
		if (stats != null && stats.latencyInjections.get() > 0) {
			stats.timeouts.incrementAndGet();
		}
	}

	// Resilience4j bulkhead events

	void bulkheadRejected(String name) {
		Experiment.BulkheadStats stats = this.experiment.bulkheads.get(name);
		if (stats != null && stats.reached.get() > 0) {
			stats.rejected.incrementAndGet();
		}
	}

	// fallback outcomes

	/**
	 * Tell the outcome of a call guarded by a fallback whose primary call failed.
	 * @param method the guarded method as {@code SimpleClassName.method}
	 * @param fallbackMethod the fallback method's name
	 * @param failure what the primary call failed with
	 * @param served whether a normal value came out
	 */
	void fallbackOutcome(String method, String fallbackMethod, Throwable failure, boolean served) {
		Experiment experiment = this.experiment;
		Throwable injected = experiment.injected(failure);
		boolean caused = injected != null || (chaosActive() && isResilienceRefusal(failure));
		if (!caused) {
			return;
		}
		FallbackStats stats = experiment.fallback(method, fallbackMethod);
		if (served) {
			stats.invocations.incrementAndGet();
		}
		else if (injected != null) {
			stats.passedThrough.add(injected);
		}
	}

	private static boolean isResilienceRefusal(Throwable failure) {
		String type = failure.getClass().getName();
		return type.equals("io.github.resilience4j.circuitbreaker.CallNotPermittedException")
				|| type.equals("java.util.concurrent.TimeoutException")
				|| type.equals("io.github.resilience4j.bulkhead.BulkheadFullException")
				|| type.equals("io.github.resilience4j.ratelimiter.RequestNotPermitted");
	}

}
