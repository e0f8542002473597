package io.github.chaosstarter.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosListener;
import io.github.chaosstarter.report.ServiceReport.DependencyClass;
import io.github.chaosstarter.report.ServiceReport.DependencyReport;
import io.github.chaosstarter.report.ServiceReport.Outcome;

/**
 * The dependencies of one experiment that received injected faults, and what their loss
 * did to the inbound requests that called them: the report's {@code dependencies[]}.
 * Thread-safe and bounded (at most {@value #MAX_DEPENDENCIES}).
 *
 * @author Chaos Starter team
 */
final class Dependencies {

	static final int MAX_DEPENDENCIES = 100;

	static {
		// loaded with this class, so that the JIT inlines Injection.dependency() into
		// every injection's count: it does not inline a method returning an unloaded
		// class
		ChaosListener.Dependency.class.getName();
	}

	/** A request at least this many times the baseline's p99 counts as degraded... */
	static final int SLOWER = 2;

	/** ...and at least this much slower than it, in microseconds, above timing noise. */
	static final double NOISE_MICROS = 50_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	void injected(ChaosListener.Injection injection) {
		ChaosListener.Dependency dependency = injection.dependency();
		if (dependency != null && !injection.dryRun()) {
			Entry entry = entry(dependency);
			if (entry != null) {
				entry.injected.incrementAndGet();
			}
		}
	}

	void served(ChaosListener.Served served) {
		for (ChaosListener.Dependency dependency : served.dependencies()) {
			Entry entry = entry(dependency);
			if (entry == null) {
				continue;
			}
			if (served.status() >= 500) {
				entry.failed.incrementAndGet();
			}
			else if (served.degraded().contains(dependency)) {
				entry.fallbacks.incrementAndGet();
			}
			else {
				entry.succeeded.record(served.nanos());
			}
			entry.requests.incrementAndGet();
		}
	}

	private @Nullable Entry entry(ChaosListener.Dependency dependency) {
		Entry entry = this.entries.get(dependency.name());
		if (entry == null && this.entries.size() < MAX_DEPENDENCIES) {
			entry = this.entries.computeIfAbsent(dependency.name(), (name) -> new Entry(dependency.type()));
		}
		return entry;
	}

	/**
	 * Judge every dependency.
	 * @param baseline the figures of the window before chaos, or {@code null}
	 * @param expected the expected class by dependency name, in lower case
	 * @return the entries, by name
	 */
	List<DependencyReport> report(Baseline.@Nullable Figures baseline, Map<String, String> expected) {
		double baselineP99 = (baseline != null && baseline.requests() > 0) ? baseline.percentile(0.99) : -1;
		List<DependencyReport> result = new ArrayList<>();
		this.entries.forEach((name, entry) -> result.add(entry.judge(name, baselineP99, expected.get(name))));
		result.sort((a, b) -> a.name().compareTo(b.name()));
		return result;
	}

	private static final class Entry {

		final String type;

		final AtomicLong injected = new AtomicLong();

		final AtomicLong requests = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong fallbacks = new AtomicLong();

		final Histogram succeeded = new Histogram();

		Entry(String type) {
			this.type = type;
		}

		DependencyReport judge(String name, double baselineP99, @Nullable String expectedName) {
			long[] counts = this.succeeded.snapshot();
			long requests = this.requests.get();
			long failed = Math.min(this.failed.get(), requests);
			long fallbacks = this.fallbacks.get();
			long slow = (baselineP99 >= 0) ? atLeast(counts, slowerThan(baselineP99)) : 0;
			long degraded = Math.min(fallbacks + slow, requests - failed);
			DependencyClass observed;
			String because;
			if (requests == 0) {
				observed = DependencyClass.OPTIONAL;
				because = "no inbound request called it while it was faulted";
			}
			else if (failed * 2 >= requests) {
				observed = DependencyClass.CRITICAL;
				because = failed + " of " + requests + " requests that called it under injected faults failed (5xx)";
			}
			else if (degraded > 0 || failed > 0) {
				observed = DependencyClass.DEGRADABLE;
				because = (requests - failed) + " of " + requests + " requests that called it under injected faults "
						+ "succeeded" + degradedBy(this.type, fallbacks, slow, baselineP99)
						+ ((failed > 0) ? "; " + failed + " failed (5xx)" : "");
			}
			else {
				observed = DependencyClass.OPTIONAL;
				because = "all " + requests + " requests that called it under injected faults succeeded "
						+ ((baselineP99 >= 0)
								? "with no measurable difference (p99 " + p99(counts) + ", baseline p99 "
										+ Histogram.format(baselineP99) + ")"
								: "without a fallback or an error handler; their latency was not compared: no baseline (set"
										+ " chaos.hypothesis)");
			}
			DependencyClass expected = (expectedName != null)
					? DependencyClass.valueOf(expectedName.toUpperCase(Locale.ROOT)) : null;
			Outcome verdict = null;
			String reason = because;
			if (expected != null) {
				verdict = (expected == observed) ? Outcome.HELD : Outcome.VIOLATED;
				reason = (verdict == Outcome.HELD) ? "expected and observed " + lower(observed) + ": " + because
						: "expected " + lower(expected) + " but observed " + lower(observed) + ": " + because;
			}
			return new DependencyReport(name, this.type, this.injected.get(), requests, failed, degraded, observed,
					expected, verdict, reason);
		}

		private static String degradedBy(String type, long fallbacks, long slow, double baselineP99) {
			List<String> ways = new ArrayList<>();
			if (fallbacks > 0) {
				ways.add(fallbacks + ("cache".equals(type) ? " through a fallback or the cache error handler"
						: " through a fallback"));
			}
			if (slow > 0) {
				ways.add(slow + " slower than " + Histogram.format(slowerThan(baselineP99)) + " (" + SLOWER
						+ "x the baseline p99 of " + Histogram.format(baselineP99) + ", and 50ms more at least)");
			}
			return ways.isEmpty() ? "" : ", " + String.join(", ", ways);
		}

		private static double slowerThan(double baselineP99) {
			return Math.max(SLOWER * baselineP99, baselineP99 + NOISE_MICROS);
		}

		private static @Nullable String p99(long[] counts) {
			return Histogram.format(Histogram.percentile(counts, 0.99));
		}

		private static String lower(DependencyClass kind) {
			return kind.name().toLowerCase(Locale.ROOT);
		}

		private static long atLeast(long[] counts, double micros) {
			long result = 0;
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0 && Histogram.middle(i) >= micros) {
					result += counts[i];
				}
			}
			return result;
		}

	}

}
