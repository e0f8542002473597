package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.ServiceReport.Outcome;
import io.github.chaosstarter.report.ServiceReport.SteadyState;
import io.github.chaosstarter.report.ServiceReport.Window;

/**
 * Decides the experiment verdict: whether the traffic the hypothesis counts held its
 * figures while chaos ran, measured against the baseline before it.
 *
 * @author Chaos Starter team
 */
final class SteadyStateJudge {

	private SteadyStateJudge() {
	}

	static SteadyState judge(Traffic traffic) {
		Chaos.Hypothesis hypothesis = traffic.hypothesis();
		Baseline.Figures before = traffic.baseline();
		Baseline.Figures during = traffic.during();
		Window baseline = (before != null) ? window(before) : null;
		Window now = window(during);
		if (hypothesis == null) {
			return new SteadyState(Outcome.NOT_MEASURED, "no hypothesis is set: set chaos.hypothesis", baseline, now);
		}
		int min = hypothesis.minRequests();
		if (before == null) {
			return new SteadyState(Outcome.NOT_MEASURED,
					"no baseline: the hypothesis was set when chaos was already on or switched on; set chaos.hypothesis "
							+ "and drive traffic for a while before enabling chaos",
					null, now);
		}
		if (before.requests() < min) {
			return new SteadyState(Outcome.NOT_MEASURED,
					"the baseline has " + before.requests() + " requests, fewer than chaos.hypothesis.min-requests ("
							+ min + "), in the " + ChaosEngine.format(hypothesis.baseline())
							+ " before chaos was switched on",
					baseline, now);
		}
		if (during.requests() < min) {
			return new SteadyState(Outcome.NOT_MEASURED, "only " + during.requests()
					+ " requests were served while chaos ran, fewer than chaos.hypothesis.min-requests (" + min + ")",
					baseline, now);
		}
		List<String> broken = new ArrayList<>();
		List<String> held = new ArrayList<>();
		Double maxErrorRate = hypothesis.maxErrorRate();
		if (maxErrorRate != null) {
			String figure = String.format(Locale.ROOT, "error rate %s (%d of %d requests)", rate(during.errorRate()),
					during.errors(), during.requests());
			if (during.errorRate() > maxErrorRate) {
				broken.add(figure + " exceeded max-error-rate " + rate(maxErrorRate) + " (baseline "
						+ rate(before.errorRate()) + ")");
			}
			else {
				held.add(figure + " within max-error-rate " + rate(maxErrorRate));
			}
		}
		Duration maxLatency = hypothesis.maxLatency();
		if (maxLatency != null) {
			double p99 = during.percentile(0.99);
			Duration measured = Histogram.duration(p99);
			String figure = "p99 " + Histogram.format(p99);
			if (measured != null && measured.compareTo(maxLatency) > 0) {
				broken.add(figure + " exceeded max-latency " + ChaosEngine.format(maxLatency) + " (baseline "
						+ Histogram.format(before.percentile(0.99)) + ")");
			}
			else {
				held.add(figure + " within max-latency " + ChaosEngine.format(maxLatency));
			}
		}
		if (!broken.isEmpty()) {
			return new SteadyState(Outcome.VIOLATED, "while chaos ran, " + String.join("; ", broken), baseline, now);
		}
		return new SteadyState(Outcome.HELD,
				"while chaos ran, " + String.join(" and ", held) + " over " + during.requests() + " requests", baseline,
				now);
	}

	static Window window(Baseline.Figures figures) {
		return Window.of(figures.requests(), figures.errors(), figures.counts());
	}

	private static String rate(@Nullable Double rate) {
		return (rate != null) ? String.format(Locale.ROOT, "%.4g", rate).replaceAll("\\.?0+$", "") : "none";
	}

}
