package io.github.chaosstarter.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.Experiment.FallbackKey;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.Injections;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;

/**
 * Turns an experiment's counts into verdicts and reasons: the one place where the
 * report's wording lives (with {@link BreakerJudge}). Every instance in the registries,
 * and every one named on an attacked method, gets an entry.
 *
 * @author Chaos Starter team
 */
final class Judge {

	private final InstanceSettings settings;

	Judge(InstanceSettings settings) {
		this.settings = settings;
	}

	ResilienceReport judge(Experiment experiment, Instant now) {
		Map<String, Long> byAssault = experiment.injections();
		long total = byAssault.values().stream().mapToLong(Long::longValue).sum();
		Traffic traffic = experiment.traffic;
		Map<String, List<ResilienceReport.Transition>> transitions = new TreeMap<>();
		experiment.breakers.forEach((name, stats) -> transitions.put(name, List.copyOf(stats.transitions)));
		// the endpoints first: a response recorded in an endpoint's count is recorded in
		// every
		// other figure already (Traffic counts it there last), so the figures read after
		// agree
		List<ServiceReport.EndpointReport> endpoints = traffic.endpoints();
		return new ResilienceReport(experiment.since, new Injections(total, byAssault), SteadyStateJudge.judge(traffic),
				endpoints, traffic.leaks(), traffic.dependencies(),
				traffic.timeline.buckets(now, transitions, experiment.breakerStatesAtStart),
				circuitBreakers(experiment), retries(experiment), fallbacks(experiment), timeLimiters(experiment),
				bulkheads(experiment), unprotected(experiment));
	}

	private List<CircuitBreakerReport> circuitBreakers(Experiment experiment) {
		TreeSet<String> names = names(experiment, this.settings.circuitBreakers(), experiment.breakers.keySet(),
				Guard.Kind.CIRCUIT_BREAKER);
		List<CircuitBreakerReport> reports = new ArrayList<>();
		for (String name : names) {
			reports.add(BreakerJudge.judge(name, experiment.breaker(name), this.settings.breaker(name),
					experiment.breakerStatesAtStart.get(name), new Warnings(this.settings, experiment).breaker(name)));
		}
		return reports;
	}

	private List<RetryReport> retries(Experiment experiment) {
		TreeSet<String> names = names(experiment, this.settings.retries(), experiment.retries.keySet(),
				Guard.Kind.RETRY);
		names.addAll(guardNames(experiment, Guard.Kind.SPRING_RETRY));
		List<RetryReport> reports = new ArrayList<>();
		for (String name : names) {
			reports.add(retry(name, experiment.retry(name), this.settings.retry(name),
					new Warnings(this.settings, experiment).retry(name)));
		}
		return reports;
	}

	private static RetryReport retry(String name, Experiment.RetryStats stats,
			InstanceSettings.@Nullable RetrySettings config, List<String> warnings) {
		long attempts = stats.attempts.get();
		long exhausted = stats.exhausted.get();
		long recovered = stats.recovered.get();
		long ignored = stats.ignored.count.get();
		long calls = exhausted + recovered + ignored;
		double amplification = (calls > 0) ? Math.round((calls + attempts) * 100.0 / calls) / 100.0 : 0.0;
		Verdict verdict;
		String reason;
		if (attempts > 0) {
			verdict = Verdict.REACTED;
			reason = "retried " + attempts + " times after injected failures; " + recovered + " recovered, " + exhausted
					+ " exhausted";
		}
		else if (calls > 0) {
			verdict = Verdict.DID_NOT_REACT;
			if (config != null && config.maxAttempts() <= 1) {
				reason = "retry `" + name + "` has maxAttempts=" + config.maxAttempts() + ": it never retries";
			}
			else if (ignored > 0) {
				reason = "retry `" + name + "` does not retry the injected " + stats.ignored.type()
						+ ": it is in ignoreExceptions, or not in retryExceptions, of its configuration";
			}
			else {
				reason = "retry `" + name + "` saw " + calls + " injected failures and retried none";
			}
		}
		else {
			verdict = Verdict.NOT_EXERCISED;
			reason = "no injected failure reached retry `" + name + "`";
		}
		return new RetryReport(name, verdict, attempts, exhausted, recovered, amplification, reason, warnings);
	}

	private List<FallbackReport> fallbacks(Experiment experiment) {
		Map<FallbackKey, Experiment.FallbackStats> all = new LinkedHashMap<>();
		experiment.methods.forEach((method, stats) -> {
			for (Guard guard : stats.guards) {
				if (guard.hasFallback()) {
					all.put(new FallbackKey(method, guard.fallbackMethod()),
							experiment.fallback(method, guard.fallbackMethod()));
				}
			}
		});
		experiment.fallbacks.forEach((method, byFallback) -> byFallback
			.forEach((fallbackMethod, stats) -> all.put(new FallbackKey(method, fallbackMethod), stats)));
		List<FallbackReport> reports = new ArrayList<>();
		all.forEach((key, stats) -> {
			long invocations = stats.invocations.get();
			if (invocations > 0) {
				reports.add(new FallbackReport(key.method(), key.fallbackMethod(), Verdict.REACTED, invocations,
						"served " + invocations + " calls whose primary call failed because of injected faults"));
			}
			else if (stats.passedThrough.count.get() > 0) {
				reports.add(new FallbackReport(key.method(), key.fallbackMethod(), Verdict.DID_NOT_REACT, 0,
						"fallback `" + key.fallbackMethod() + "` of " + key.method() + " served none of "
								+ stats.passedThrough.count.get() + " injected failures: the injected "
								+ stats.passedThrough.type()
								+ " reached the caller (does a fallback method accept it as its last parameter?)"));
			}
			else {
				reports.add(new FallbackReport(key.method(), key.fallbackMethod(), Verdict.NOT_EXERCISED, 0,
						"no call of " + key.method() + " failed because of an injected fault"));
			}
		});
		reports.sort(Comparator.comparing(FallbackReport::method).thenComparing(FallbackReport::fallbackMethod));
		return reports;
	}

	private List<TimeLimiterReport> timeLimiters(Experiment experiment) {
		TreeSet<String> names = names(experiment, this.settings.timeLimiters(), experiment.timeLimiters.keySet(),
				Guard.Kind.TIME_LIMITER);
		List<TimeLimiterReport> reports = new ArrayList<>();
		for (String name : names) {
			Experiment.LimiterStats stats = experiment.timeLimiter(name);
			Duration timeout = this.settings.timeLimiterTimeout(name);
			String limit = (timeout != null) ? "timeoutDuration=" + ChaosEngine.format(timeout) : "its timeoutDuration";
			long timeouts = stats.timeouts.get();
			Verdict verdict = (timeouts > 0) ? Verdict.REACTED : Verdict.NOT_EXERCISED;
			String reason;
			if (timeouts > 0) {
				reason = "timed out " + timeouts + " calls delayed by injected latency longer than " + limit;
			}
			else if (stats.longer.count.get() > 0) {
				reason = stats.longer.count.get() + " injected delays longer than " + limit
						+ " reached methods guarded by time limiter `" + name
						+ "`, but none of those calls ran under it (a time limiter guards methods returning "
						+ "CompletionStage, Mono or Flux)";
			}
			else if (stats.within.count.get() > 0) {
				reason = "injected latency of at most "
						+ ChaosEngine.format(Duration.ofNanos(stats.within.longestNanos.get())) + " stays within "
						+ limit + " of time limiter `" + name + "`: inject more latency";
			}
			else if (experiment.failuresReached(Guard.Kind.TIME_LIMITER, name)) {
				reason = "only injected exceptions reached time limiter `" + name + "`; inject latency to exercise it";
			}
			else {
				reason = "no injected latency reached time limiter `" + name + "`";
			}
			reports.add(new TimeLimiterReport(name, verdict, timeouts, stats.otherTimeouts.get(), reason));
		}
		return reports;
	}

	private List<BulkheadReport> bulkheads(Experiment experiment) {
		List<BulkheadReport> reports = new ArrayList<>();
		for (boolean threadPool : new boolean[] { false, true }) {
			TreeSet<String> names = names(experiment, this.settings.bulkheads(threadPool),
					(threadPool ? experiment.threadPoolBulkheads : experiment.bulkheads).keySet(),
					threadPool ? Guard.Kind.THREAD_POOL_BULKHEAD : Guard.Kind.BULKHEAD);
			for (String name : names) {
				reports.add(bulkhead(
						name, threadPool, experiment.bulkhead(name, threadPool), experiment
							.failuresReached(threadPool ? Guard.Kind.THREAD_POOL_BULKHEAD : Guard.Kind.BULKHEAD, name),
						this.settings.bulkheadLimit(name, threadPool)));
			}
		}
		return reports;
	}

	private static BulkheadReport bulkhead(String name, boolean threadPool, Experiment.BulkheadStats stats,
			boolean failuresReached, @Nullable String limit) {
		String type = threadPool ? BulkheadReport.THREADPOOL : BulkheadReport.SEMAPHORE;
		String limits = (limit != null) ? limit : "its limits";
		long rejected = stats.rejectedAfterInjection.get();
		if (rejected > 0) {
			return new BulkheadReport(name, type, Verdict.REACTED, rejected, stats.otherRejections.get(),
					"rejected " + rejected + " calls while injected latency held its permits (" + limits + ")");
		}
		String reason;
		if (stats.delays.count.get() > 0) {
			reason = stats.delays.count.get() + " injected delays reached bulkhead `" + name
					+ "` but concurrent calls stayed within " + limits + ": send more concurrent calls";
		}
		else if (failuresReached) {
			reason = "only injected exceptions reached bulkhead `" + name
					+ "`: inject latency and send more concurrent calls than " + limits;
		}
		else {
			reason = "no injected fault reached bulkhead `" + name + "`";
		}
		return new BulkheadReport(name, type, Verdict.NOT_EXERCISED, 0, stats.otherRejections.get(), reason);
	}

	private static List<UnprotectedReport> unprotected(Experiment experiment) {
		List<UnprotectedReport> reports = new ArrayList<>();
		new TreeMap<>(experiment.methods).forEach((method, stats) -> {
			if (!stats.guards.isEmpty() || experiment.seenByMechanism.contains(method)) {
				// guarded by an annotation, or by a mechanism that recorded its faults
				return;
			}
			long failures = stats.failures();
			long delays = stats.delays.count.get();
			String longest = (delays > 0) ? ChaosEngine.format(Duration.ofNanos(stats.delays.longestNanos.get()))
					: null;
			// nothing guards the method: every injected failure propagates to its caller
			reports.add(new UnprotectedReport(method, failures, delays, longest, failures));
		});
		return reports;
	}

	private static TreeSet<String> names(Experiment experiment, java.util.Set<String> registered,
			java.util.Set<String> seen, Guard.Kind kind) {
		TreeSet<String> names = new TreeSet<>(registered);
		names.addAll(seen);
		names.addAll(guardNames(experiment, kind));
		return names;
	}

	private static TreeSet<String> guardNames(Experiment experiment, Guard.Kind kind) {
		TreeSet<String> names = new TreeSet<>();
		for (MethodStats method : experiment.methods.values()) {
			for (Guard guard : method.guards) {
				if (guard.kind() == kind) {
					names.add(guard.name());
				}
			}
		}
		return names;
	}

}
