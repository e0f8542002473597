package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;

/**
 * The verdict of one circuit breaker, and its reason. A breaker {@code REACTED} when at
 * least one of its openings was caused by injection: the injected failures alone, or the
 * injected slow calls alone, reached its rate over the window that tripped it. An opening
 * that only real failures explain never makes it {@code REACTED}.
 *
 * @author Chaos Starter team
 */
final class BreakerJudge {

	private BreakerJudge() {
	}

	static CircuitBreakerReport judge(String name, BreakerStats stats, @Nullable BreakerSettings config,
			@Nullable String stateAtStart, List<String> warnings) {
		List<Transition> transitions = List.copyOf(stats.transitions);
		long injectedFailures = stats.injectedFailures.get();
		long injectedSlow = stats.injectedSlowCalls.get();
		Transition caused = transitions.stream().filter(Transition::causedByInjection).findFirst().orElse(null);
		Verdict verdict;
		String reason;
		if (caused != null) {
			verdict = Verdict.REACTED;
			reason = opening(caused, config) + ": injected faults opened it";
		}
		else if (injectedFailures > 0 || injectedSlow > 0 || stats.ignored.count.get() > 0
				|| stats.notRecorded.count.get() > 0) {
			verdict = Verdict.DID_NOT_REACT;
			reason = didNotReact(name, stats, config, transitions);
		}
		else {
			verdict = Verdict.NOT_EXERCISED;
			reason = notExercised(name, stats, config, stateAtStart);
		}
		return new CircuitBreakerReport(name, verdict, injectedFailures, injectedSlow, transitions,
				stats.notPermitted.get(), stats.notPermittedAfterInjection.get(), reason, List.copyOf(warnings));
	}

	private static String opening(Transition opening, @Nullable BreakerSettings config) {
		if (opening.injectedSlowCalls() > 0 && opening.injectedFailures() == 0) {
			return "opened with " + opening.injectedSlowCalls() + " injected and " + opening.realSlowCalls()
					+ " real slow calls of " + opening.calls() + " calls" + ((config != null)
							? " (slowCallRateThreshold " + percent(config.slowCallRateThreshold()) + ")" : "");
		}
		return "opened with " + opening.injectedFailures() + " injected and " + opening.realFailures()
				+ " real failures of " + opening.calls() + " calls"
				+ ((config != null) ? " (failureRateThreshold " + percent(config.failureRateThreshold()) + ")" : "");
	}

	private static String didNotReact(String name, BreakerStats stats, @Nullable BreakerSettings config,
			List<Transition> transitions) {
		Transition opened = transitions.stream()
			.filter((transition) -> "OPEN".equals(transition.to()))
			.findFirst()
			.orElse(null);
		if (opened != null) {
			return opening(opened, config) + ": real failures opened it, the injected ones alone would not have";
		}
		long injected = stats.injectedFailures.get();
		if (injected == 0 && stats.ignored.count.get() > 0) {
			return "the injected " + stats.ignored.type() + " is in ignoreExceptions of circuit breaker `" + name + "`";
		}
		if (injected == 0 && stats.notRecorded.count.get() > 0) {
			return "the injected " + stats.notRecorded.type() + " is not in recordExceptions of circuit breaker `"
					+ name + "`";
		}
		String faults = injected + " injected failures" + ((stats.injectedSlowCalls.get() > 0)
				? " and " + stats.injectedSlowCalls.get() + " injected slow calls" : "");
		if (config == null) {
			return "circuit breaker `" + name + "` saw " + faults + " and did not open";
		}
		if (stats.calls() < config.minimumNumberOfCalls()) {
			return "circuit breaker `" + name + "` needs minimumNumberOfCalls=" + config.minimumNumberOfCalls()
					+ " and saw " + stats.calls() + " calls (" + faults + ")";
		}
		return "circuit breaker `" + name + "` saw " + faults + " of " + stats.calls()
				+ " calls, but its rates stayed below failureRateThreshold=" + percent(config.failureRateThreshold())
				+ " and slowCallRateThreshold=" + percent(config.slowCallRateThreshold()) + " (slidingWindowSize="
				+ config.slidingWindowSize() + (config.countBased() ? " calls" : " seconds") + ")";
	}

	private static String notExercised(String name, BreakerStats stats, @Nullable BreakerSettings config,
			@Nullable String stateAtStart) {
		if ("OPEN".equals(stateAtStart) || "FORCED_OPEN".equals(stateAtStart)) {
			return "circuit breaker `" + name + "` was already " + stateAtStart
					+ " when the experiment started: no injected fault reached it";
		}
		if (stats.delays.count.get() > 0 && config != null) {
			return "the injected latency of at most "
					+ ChaosEngine.format(Duration.ofNanos(stats.delays.longestNanos.get()))
					+ " is not above slowCallDurationThreshold="
					+ ChaosEngine.format(config.slowCallDurationThreshold()) + " of circuit breaker `" + name
					+ "`: inject more latency, or no slow call is caused by it";
		}
		return "no injected fault reached circuit breaker `" + name
				+ "`: target a method it guards, or a dependency such a method calls";
	}

	static String percent(float value) {
		return (value == Math.rint(value)) ? (int) value + "%" : value + "%";
	}

}
