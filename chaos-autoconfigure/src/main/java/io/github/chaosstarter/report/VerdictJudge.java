package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.Experiment.Attacked;
import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.Experiment.BulkheadStats;
import io.github.chaosstarter.report.Experiment.FallbackKey;
import io.github.chaosstarter.report.Experiment.FallbackStats;
import io.github.chaosstarter.report.Experiment.RetryStats;
import io.github.chaosstarter.report.Experiment.TimeLimiterStats;
import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;
import io.github.chaosstarter.report.InstanceSettings.RetrySettings;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.Injections;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;

/**
 * Turns the record of an experiment into verdicts, judging each instance against its own
 * configuration. Plain Java: no Spring, no Resilience4j types.
 *
 * @author Chaos Starter team
 */
final class VerdictJudge {

	private static final BreakerStats NO_BREAKER = new BreakerStats();

	private static final RetryStats NO_RETRY = new RetryStats();

	private static final TimeLimiterStats NO_TIME_LIMITER = new TimeLimiterStats();

	private static final FallbackStats NO_FALLBACK = new FallbackStats();

	private static final BulkheadStats NO_BULKHEAD = new BulkheadStats();

	private final InstanceSettings settings;

	VerdictJudge(InstanceSettings settings) {
		this.settings = settings;
	}

	ResilienceReport judge(Experiment experiment) {
		Map<String, Long> byAssault = new TreeMap<>();
		experiment.byAssault.forEach((name, count) -> byAssault.put(name, count.sum()));
		List<Attacked> attacked = new ArrayList<>(experiment.attacked.values());
		return new ResilienceReport(experiment.since, new Injections(experiment.total.sum(), byAssault),
				circuitBreakers(experiment, attacked), retries(experiment, attacked), fallbacks(experiment, attacked),
				timeLimiters(experiment, attacked), unprotected(experiment), bulkheads(experiment, attacked));
	}

	private List<CircuitBreakerReport> circuitBreakers(Experiment experiment, List<Attacked> attacked) {
		TreeSet<String> names = new TreeSet<>(this.settings.circuitBreakers());
		names.addAll(experiment.breakers.keySet());
		names.addAll(guardNames(attacked, Guard.Kind.CIRCUIT_BREAKER));
		List<CircuitBreakerReport> reports = new ArrayList<>();
		for (String name : names) {
			BreakerStats stats = experiment.breakers.getOrDefault(name, NO_BREAKER);
			reports.add(circuitBreaker(name, stats, experiment.breakerStatesAtStart.get(name),
					breakerWarnings(name, attacked)));
		}
		return reports;
	}

	CircuitBreakerReport circuitBreaker(String name, BreakerStats stats, @Nullable String stateAtStart,
			List<String> warnings) {
		long failures = stats.failures.get();
		long reached = Math.max(stats.reached.get(), failures + stats.ignored.count.get()) + stats.delays.get();
		List<Transition> transitions = List.copyOf(stats.transitions);
		long notPermitted = stats.notPermitted.get();
		if (reached == 0) {
			String reason = null;
			if ("OPEN".equals(stateAtStart) || "FORCED_OPEN".equals(stateAtStart)) {
				reason = "circuit breaker `" + name + "` was already " + stateAtStart
						+ " when the experiment started: no injected fault reached it";
			}
			return new CircuitBreakerReport(name, Verdict.NOT_EXERCISED, 0, transitions, notPermitted, reason,
					warnings);
		}
		Transition opened = transitions.stream()
			.filter((transition) -> "OPEN".equals(transition.to()) && transition.afterInjections() > 0)
			.findFirst()
			.orElse(null);
		if (opened != null) {
			String reason = (stats.openedBecause != null) ? stats.openedBecause
					: "opened after " + opened.afterInjections() + " injected failures";
			return new CircuitBreakerReport(name, Verdict.REACTED, failures, transitions, notPermitted, reason,
					warnings);
		}
		return new CircuitBreakerReport(name, Verdict.DID_NOT_REACT, failures, transitions, notPermitted,
				breakerReason(name, stats, failures), warnings);
	}

	private String breakerReason(String name, BreakerStats stats, long failures) {
		if (failures == 0 && stats.reached.get() == 0 && stats.delays.get() > 0) {
			return slowCallReason(name, stats);
		}
		if (failures == 0 && stats.ignored.count.get() > 0) {
			return "the injected " + stats.ignored.type() + " is in ignoreExceptions of circuit breaker `" + name + "`";
		}
		if (failures == 0 && stats.notRecorded.count.get() > 0) {
			return "the injected " + stats.notRecorded.type() + " is not in recordExceptions of circuit breaker `"
					+ name + "`";
		}
		BreakerSettings config = this.settings.breaker(name);
		if (config == null) {
			return "circuit breaker `" + name + "` saw " + failures + " injected failures and did not open";
		}
		if (failures < config.minimumNumberOfCalls()) {
			return "circuit breaker `" + name + "` needs minimumNumberOfCalls=" + config.minimumNumberOfCalls()
					+ " and saw " + failures + " injected failures";
		}
		return "circuit breaker `" + name + "` saw " + failures
				+ " injected failures but its failure rate stayed below failureRateThreshold="
				+ percent(config.failureRateThreshold()) + " (slidingWindowSize=" + config.slidingWindowSize()
				+ (config.countBased() ? " calls" : " seconds") + ")";
	}

	private String slowCallReason(String name, BreakerStats stats) {
		long delays = stats.delays.get();
		Duration longest = Duration.ofNanos(stats.longestDelayNanos.get());
		BreakerSettings config = this.settings.breaker(name);
		if (config == null) {
			return "circuit breaker `" + name + "` saw " + delays + " injected delays and did not open";
		}
		if (longest.compareTo(config.slowCallDurationThreshold()) < 0) {
			return "the injected latency of at most " + longest.toMillis() + "ms is below slowCallDurationThreshold="
					+ config.slowCallDurationThreshold().toMillis() + "ms of circuit breaker `" + name + "`";
		}
		if (delays < config.minimumNumberOfCalls()) {
			return "circuit breaker `" + name + "` needs minimumNumberOfCalls=" + config.minimumNumberOfCalls()
					+ " and saw " + delays + " injected delays";
		}
		return "circuit breaker `" + name + "` saw " + delays + " injected delays but its slow call rate stayed below "
				+ "slowCallRateThreshold=" + percent(config.slowCallRateThreshold());
	}

	private List<String> breakerWarnings(String name, List<Attacked> attacked) {
		List<String> warnings = new ArrayList<>();
		for (Attacked method : attacked) {
			Guard breaker = find(method, Guard.Kind.CIRCUIT_BREAKER);
			if (breaker == null || !breaker.name().equals(name)) {
				continue;
			}
			Guard retry = find(method, Guard.Kind.RETRY);
			if (retry != null) {
				addOnce(warnings, retryWrapsBreaker(retry.name(), name));
			}
			if (method.restController() && !breaker.hasFallback()) {
				addOnce(warnings,
						"guards " + method.name()
								+ " of a @RestController without a fallbackMethod: while it is open callers get "
								+ "CallNotPermittedException (an error response)");
			}
		}
		return warnings;
	}

	/**
	 * A retry whose aspect wraps the breaker's (Resilience4j's default order) makes every
	 * attempt a breaker failure: the breaker opens maxAttempts times sooner and, once
	 * open, the retry retries its refusals.
	 */
	private @Nullable String retryWrapsBreaker(String retry, String breaker) {
		int[] orders = this.settings.retryAndBreakerOrder();
		if (orders == null || orders[0] >= orders[1]) {
			return null;
		}
		return "retry `" + retry + "` wraps circuit breaker `" + breaker
				+ "` on the inside (resilience4j.retry.retryAspectOrder=" + orders[0]
				+ " < resilience4j.circuitbreaker.circuitBreakerAspectOrder=" + orders[1]
				+ "): each retry counts as a circuit breaker failure";
	}

	private List<RetryReport> retries(Experiment experiment, List<Attacked> attacked) {
		TreeSet<String> names = new TreeSet<>(this.settings.retries());
		names.addAll(experiment.retries.keySet());
		names.addAll(guardNames(attacked, Guard.Kind.RETRY));
		names.addAll(guardNames(attacked, Guard.Kind.SPRING_RETRY));
		List<RetryReport> reports = new ArrayList<>();
		for (String name : names) {
			List<String> warnings = new ArrayList<>();
			RetrySettings config = this.settings.retry(name);
			if (config != null && config.fixedWait() != null && config.maxAttempts() > 1) {
				warnings.add("fixed wait of " + config.fixedWait().toMillis()
						+ "ms without backoff or jitter: retry storm risk (enableExponentialBackoff, "
						+ "enableRandomizedWait)");
			}
			for (Attacked method : attacked) {
				Guard retry = find(method, Guard.Kind.RETRY);
				Guard breaker = find(method, Guard.Kind.CIRCUIT_BREAKER);
				if (retry != null && breaker != null && retry.name().equals(name)) {
					addOnce(warnings, retryWrapsBreaker(name, breaker.name()));
				}
			}
			reports.add(retry(name, experiment.retries.getOrDefault(name, NO_RETRY), config, warnings));
		}
		return reports;
	}

	RetryReport retry(String name, RetryStats stats, @Nullable RetrySettings config, List<String> warnings) {
		long attempts = stats.attempts.get();
		long exhausted = stats.exhausted.get();
		long recovered = stats.recovered.get();
		long ignored = stats.ignored.count.get();
		long calls = exhausted + recovered + ignored;
		double amplification = (calls > 0) ? Math.round((calls + attempts) * 100.0 / calls) / 100.0 : 0.0;
		long reached = Math.max(stats.reached.get(), calls);
		Verdict verdict;
		String reason = null;
		if (reached == 0) {
			verdict = Verdict.NOT_EXERCISED;
		}
		else if (attempts > 0) {
			verdict = Verdict.REACTED;
			reason = "retried " + attempts + " times after injected failures; " + recovered + " recovered, " + exhausted
					+ " exhausted";
		}
		else {
			verdict = Verdict.DID_NOT_REACT;
			if (config != null && config.maxAttempts() <= 1) {
				reason = "retry `" + name + "` has maxAttempts=" + config.maxAttempts() + ": it never retries";
			}
			else if (ignored > 0) {
				reason = "retry `" + name + "` does not retry " + stats.ignored.type() + " ("
						+ ((stats.ignored.key() != null) ? stats.ignored.key() : "retryExceptions") + ")";
			}
			else {
				reason = "retry `" + name + "` saw " + reached + " injected failures and retried none";
			}
		}
		return new RetryReport(name, verdict, attempts, exhausted, recovered, amplification, reason,
				List.copyOf(warnings));
	}

	private List<FallbackReport> fallbacks(Experiment experiment, List<Attacked> attacked) {
		Map<FallbackKey, FallbackStats> all = new LinkedHashMap<>();
		for (Attacked method : attacked) {
			for (Guard guard : method.guards()) {
				if (guard.hasFallback()) {
					all.put(new FallbackKey(method.name(), guard.fallbackMethod()), NO_FALLBACK);
				}
			}
		}
		all.putAll(experiment.fallbacks);
		List<FallbackReport> reports = new ArrayList<>();
		all.forEach((key, stats) -> reports.add(fallback(key, stats)));
		reports.sort(Comparator.comparing(FallbackReport::method).thenComparing(FallbackReport::fallbackMethod));
		return reports;
	}

	FallbackReport fallback(FallbackKey key, FallbackStats stats) {
		long invocations = stats.invocations.get();
		long reached = stats.reached.get();
		if (invocations > 0) {
			return new FallbackReport(key.method(), key.fallbackMethod(), Verdict.REACTED, invocations,
					"served " + invocations + " calls after injected failures");
		}
		if (reached == 0 && stats.passedThrough.count.get() == 0) {
			return new FallbackReport(key.method(), key.fallbackMethod(), Verdict.NOT_EXERCISED, 0, null);
		}
		String reason = "fallback `" + key.fallbackMethod() + "` of " + key.method() + " served none of "
				+ Math.max(reached, stats.passedThrough.count.get()) + " injected failures";
		if (stats.passedThrough.type() != null) {
			reason += ": the injected " + stats.passedThrough.type()
					+ " reached the caller (does a fallback method accept it as its last parameter?)";
		}
		return new FallbackReport(key.method(), key.fallbackMethod(), Verdict.DID_NOT_REACT, 0, reason);
	}

	private List<TimeLimiterReport> timeLimiters(Experiment experiment, List<Attacked> attacked) {
		TreeSet<String> names = new TreeSet<>(this.settings.timeLimiters());
		names.addAll(experiment.timeLimiters.keySet());
		names.addAll(guardNames(attacked, Guard.Kind.TIME_LIMITER));
		List<TimeLimiterReport> reports = new ArrayList<>();
		for (String name : names) {
			reports.add(timeLimiter(name, experiment.timeLimiters.getOrDefault(name, NO_TIME_LIMITER),
					this.settings.timeLimiterTimeout(name)));
		}
		return reports;
	}

	TimeLimiterReport timeLimiter(String name, TimeLimiterStats stats, @Nullable Duration timeout) {
		long delays = stats.latencyInjections.get();
		long timeouts = Math.min(stats.timeouts.get(), delays);
		Duration longest = Duration.ofNanos(stats.longestDelayNanos.get());
		if (delays == 0) {
			String reason = (stats.failuresReached.get() > 0)
					? "only injected exceptions reached time limiter `" + name + "`; inject latency to exercise it"
					: null;
			return new TimeLimiterReport(name, Verdict.NOT_EXERCISED, 0, reason);
		}
		String limit = (timeout != null) ? "timeoutDuration=" + timeout.toMillis() + "ms" : "its timeoutDuration";
		if (timeouts > 0) {
			return new TimeLimiterReport(name, Verdict.REACTED, timeouts,
					"timed out " + timeouts + " of " + delays + " calls delayed by injected latency (" + limit + ")");
		}
		if (timeout != null && longest.compareTo(timeout) <= 0) {
			return new TimeLimiterReport(name, Verdict.NOT_EXERCISED, 0, "injected latency of at most "
					+ longest.toMillis() + "ms stays within " + limit + " of time limiter `" + name + "`");
		}
		return new TimeLimiterReport(name, Verdict.DID_NOT_REACT, 0,
				"time limiter `" + name + "` saw " + delays + " injected delays of up to " + longest.toMillis()
						+ "ms, longer than " + limit + ", and timed out none");
	}

	private List<BulkheadReport> bulkheads(Experiment experiment, List<Attacked> attacked) {
		TreeSet<String> names = new TreeSet<>(this.settings.bulkheads());
		names.addAll(experiment.bulkheads.keySet());
		names.addAll(guardNames(attacked, Guard.Kind.BULKHEAD));
		List<BulkheadReport> reports = new ArrayList<>();
		for (String name : names) {
			reports.add(bulkhead(name, experiment.bulkheads.getOrDefault(name, NO_BULKHEAD),
					this.settings.bulkheadMaxConcurrentCalls(name)));
		}
		return reports;
	}

	BulkheadReport bulkhead(String name, BulkheadStats stats, @Nullable Integer maxConcurrentCalls) {
		long reached = stats.reached.get();
		long rejected = stats.rejected.get();
		String limit = (maxConcurrentCalls != null) ? "maxConcurrentCalls=" + maxConcurrentCalls
				: "its maxConcurrentCalls";
		if (reached == 0) {
			return new BulkheadReport(name, Verdict.NOT_EXERCISED, 0, null);
		}
		if (rejected > 0) {
			return new BulkheadReport(name, Verdict.REACTED, rejected,
					"rejected " + rejected + " calls while injected faults held its permits (" + limit + ")");
		}
		return new BulkheadReport(name, Verdict.NOT_EXERCISED, 0, reached + " injected faults reached bulkhead `" + name
				+ "` but concurrent calls stayed within " + limit + ": inject latency and drive more concurrent calls");
	}

	private List<UnprotectedReport> unprotected(Experiment experiment) {
		List<UnprotectedReport> reports = new ArrayList<>();
		new TreeMap<>(experiment.unprotected).forEach((method, stats) -> {
			long failures = stats.injectedFailures.get();
			// nothing guards the method: every injected failure propagates to its caller
			reports.add(new UnprotectedReport(method, failures, failures));
		});
		return reports;
	}

	private static TreeSet<String> guardNames(List<Attacked> attacked, Guard.Kind kind) {
		TreeSet<String> names = new TreeSet<>();
		for (Attacked method : attacked) {
			for (Guard guard : method.guards()) {
				if (guard.kind() == kind) {
					names.add(guard.name());
				}
			}
		}
		return names;
	}

	private static @Nullable Guard find(Attacked method, Guard.Kind kind) {
		for (Guard guard : method.guards()) {
			if (guard.kind() == kind) {
				return guard;
			}
		}
		return null;
	}

	private static void addOnce(List<String> warnings, @Nullable String warning) {
		if (warning != null && !warnings.contains(warning)) {
			warnings.add(warning);
		}
	}

	static String percent(float value) {
		return (value == Math.rint(value)) ? (int) value + "%" : value + "%";
	}

}
