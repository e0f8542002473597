package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the service's callers saw during an experiment: the parts of the
 * {@link ResilienceReport} that judge the service as a whole rather than one resilience
 * mechanism. Percentiles are written as durations ({@code 12ms}) and come from a bounded
 * histogram with at most 1% relative error.
 *
 * @author Chaos Starter team
 */
public final class ServiceReport {

	private ServiceReport() {
	}

	/**
	 * The outcome of the steady-state hypothesis.
	 */
	public enum Outcome {

		/** Every figure of the hypothesis held while chaos ran. */
		HELD,

		/** A figure of the hypothesis broke while chaos ran; the reason names it. */
		VIOLATED,

		/**
		 * No hypothesis is set, or a window had fewer requests than
		 * {@code chaos.hypothesis.min-requests}.
		 */
		NOT_MEASURED

	}

	/**
	 * The experiment verdict: did the service hold its steady state while chaos ran?
	 *
	 * @param verdict the outcome
	 * @param reason why, naming the figure that broke or what was missing
	 * @param baseline the traffic of the window before chaos was switched on, or
	 * {@code null} when none was recorded
	 * @param during the traffic since chaos was switched on, or {@code null}
	 */
	public record SteadyState(Outcome verdict, String reason, @Nullable Window baseline, @Nullable Window during) {

		/**
		 * Return whether the hypothesis held.
		 * @return {@code true} for {@link Outcome#HELD}
		 */
		public boolean held() {
			return this.verdict == Outcome.HELD;
		}

	}

	/**
	 * The requests of one window that the hypothesis selects.
	 *
	 * @param requests how many
	 * @param errorRate the share of 5xx responses
	 * @param p50 the median response time, or {@code null} without requests
	 * @param p99 the 99th percentile of the response time, or {@code null} without
	 * requests
	 */
	public record Window(long requests, double errorRate, @Nullable String p50, @Nullable String p99) {

		static Window of(long requests, long errors, long[] counts) {
			double errorRate = (requests > 0) ? Math.round((double) errors / requests * 10_000) / 10_000.0 : 0.0;
			return new Window(requests, errorRate, Histogram.format(Histogram.percentile(counts, 0.5)),
					Histogram.format(Histogram.percentile(counts, 0.99)));
		}

	}

	/**
	 * One endpoint of the application while chaos ran.
	 *
	 * @param endpoint the HTTP method and the route pattern that handled it, such as
	 * {@code GET /api/orders/{id}}, never a raw URL
	 * @param requests requests served
	 * @param failed requests answered with a 5xx status
	 * @param injectedReachedCaller requests answered with an injected failure: a 5xx
	 * caused by an injected fault, or an injected error response of any status
	 * @param p99 the 99th percentile of the response time, or {@code null}
	 */
	public record EndpointReport(String endpoint, long requests, long failed, long injectedReachedCaller,
			@Nullable String p99) {
	}

	/**
	 * A response to a request in which an injected failure reached the caller whose body
	 * revealed internals.
	 *
	 * @param endpoint the endpoint, as in {@link EndpointReport#endpoint()}
	 * @param status the response status
	 * @param leaked what it revealed: {@code exception class name}, {@code stack frame},
	 * {@code injected message}, {@code package name}
	 * @param sample a short excerpt around the first finding
	 */
	public record Leak(String endpoint, int status, List<String> leaked, String sample) {
	}

	/**
	 * One bucket of the experiment's timeline.
	 *
	 * @param at when the bucket starts
	 * @param requests requests served in it
	 * @param errors requests answered with a 5xx status in it
	 * @param injections faults injected in it
	 * @param circuitBreakers the state of each circuit breaker at its end
	 */
	public record TimelineBucket(Instant at, long requests, long errors, long injections,
			Map<String, String> circuitBreakers) {
	}

	/**
	 * The class of a dependency: what its loss does to the service's callers.
	 */
	public enum DependencyClass {

		/** At least half of the requests that called it under injected faults failed. */
		CRITICAL,

		/** They mostly succeeded, some of them degraded or failed. */
		DEGRADABLE,

		/** They succeeded with no measurable difference, or no request needed it. */
		OPTIONAL

	}

	/**
	 * One dependency that received injected faults, and what its loss did to the inbound
	 * requests that called it.
	 *
	 * @param name the dependency's name: the assault's {@code dependency} label, or
	 * {@code jdbc:<data source bean>}, {@code cache:<cache name>},
	 * {@code redis:<factory bean>}, {@code http:<host>:<port>}
	 * @param type {@code jdbc}, {@code cache}, {@code redis}, {@code http}, or
	 * {@code bean} for a labelled bean method
	 * @param injectedFaults the faults injected into calls to it
	 * @param requests the inbound HTTP requests during which it was called with an
	 * injected fault
	 * @param failed those answered with a 5xx status
	 * @param degraded those that succeeded through a fallback or a cache error handler,
	 * or took at least twice the baseline's p99
	 * @param observed the class the experiment observed
	 * @param expected the class {@code chaos.expect} gives it, or {@code null}
	 * @param verdict {@code HELD} when the observed class is the expected one,
	 * {@code VIOLATED} when not, {@code null} without an expected class
	 * @param reason the figures behind the observed class and the verdict
	 */
	public record DependencyReport(String name, String type, long injectedFaults, long requests, long failed,
			long degraded, DependencyClass observed, @Nullable DependencyClass expected, @Nullable Outcome verdict,
			String reason) {
	}

	/**
	 * The figures behind a report's rates and percentiles, in a form that adds up: a
	 * fleet report sums those of its instances and recomputes rates and percentiles from
	 * the sums, where the instances' own rates and percentiles could not be combined.
	 *
	 * @param baseline the baseline window's, or {@code null} when none was recorded
	 * @param during the window since chaos was switched on
	 * @param endpoints each endpoint's, by the name {@link EndpointReport#endpoint()}
	 * gives it
	 */
	public record Figures(@Nullable Counts baseline, Counts during, Map<String, Counts> endpoints) {
	}

	/**
	 * Requests, 5xx responses and response times of one window or endpoint.
	 *
	 * @param requests how many requests
	 * @param errors how many were answered with a 5xx status
	 * @param histogram response times as requests per bucket of a log-linear histogram of
	 * microseconds (buckets 0 to 63 hold one microsecond each, then 64 buckets per power
	 * of two), only the buckets that hold requests; instances must run the same version
	 * of Chaos Starter for theirs to add up
	 */
	public record Counts(long requests, long errors, Map<Integer, Long> histogram) {

		static Counts of(long requests, long errors, long[] counts) {
			Map<Integer, Long> histogram = new TreeMap<>();
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] != 0) {
					histogram.put(i, counts[i]);
				}
			}
			return new Counts(requests, errors, histogram);
		}

		/**
		 * Return the sum of these counts and others.
		 * @param other the other counts
		 * @return the sums, bucket by bucket
		 */
		public Counts plus(Counts other) {
			Map<Integer, Long> histogram = new TreeMap<>(this.histogram);
			other.histogram.forEach((bucket, count) -> histogram.merge(bucket, count, Long::sum));
			return new Counts(this.requests + other.requests, this.errors + other.errors, histogram);
		}

		/**
		 * Return a percentile of the response times, as a report writes it.
		 * @param quantile between 0 and 1, such as {@code 0.99}
		 * @return the duration, such as {@code 312ms}, or {@code null} without requests
		 */
		public @Nullable String percentile(double quantile) {
			return Histogram.format(Histogram.percentile(dense(), quantile));
		}

		/**
		 * Return these counts as a report's window.
		 * @return requests, error rate (to four decimals), p50 and p99
		 */
		public Window window() {
			return Window.of(this.requests, this.errors, dense());
		}

		private long[] dense() {
			long[] counts = new long[Histogram.SIZE];
			this.histogram.forEach((bucket, count) -> {
				if (bucket >= 0 && bucket < Histogram.SIZE) {
					counts[bucket] += count;
				}
			});
			return counts;
		}

	}

}
