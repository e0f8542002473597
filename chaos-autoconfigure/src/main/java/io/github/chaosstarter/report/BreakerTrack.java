package io.github.chaosstarter.report;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;

/**
 * What is followed of one circuit breaker across experiments: its shadow window (see
 * {@link Shadow}) and the injected delays long enough to make its calls slow, matched to
 * its slow calls by when they started.
 *
 * @author Chaos Starter team
 */
final class BreakerTrack {

	/** How far apart a slow call's start and its injected delay's start may be. */
	private static final long SLOW_TOLERANCE_NANOS = 200_000_000L;

	private final String name;

	private final @Nullable BreakerSettings settings;

	/** A call slower than this is a slow call; the longest duration without settings. */
	private final long slowNanos;

	private final InFlight slowDelays = new InFlight();

	private volatile Shadow shadow;

	/** The current experiment's counts of this breaker, once looked up. */
	private @Nullable BreakerStats stats;

	BreakerTrack(String name, @Nullable BreakerSettings settings) {
		this.name = name;
		this.settings = settings;
		this.slowNanos = (settings != null) ? nanos(settings.slowCallDurationThreshold()) : Long.MAX_VALUE;
		this.shadow = closedWindow();
	}

	private static long nanos(java.time.Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	String name() {
		return this.name;
	}

	/**
	 * Return this breaker's counts in an experiment: looked up once per experiment, then
	 * read from a field.
	 * @param experiment the current experiment
	 * @return its counts of this breaker
	 */
	BreakerStats stats(Experiment experiment) {
		BreakerStats stats = this.stats;
		if (stats == null || stats.experiment != experiment) {
			stats = experiment.breaker(this.name);
			this.stats = stats;
		}
		return stats;
	}

	@Nullable BreakerSettings settings() {
		return this.settings;
	}

	/**
	 * Note a failure injected into a method this breaker guards, when the breaker ignores
	 * it or records it as a success: its events cannot tell that such a failure was
	 * injected.
	 * @param experiment the current experiment
	 * @param failure the injected failure
	 */
	void injectedFailure(Experiment experiment, Throwable failure) {
		if (this.settings == null) {
			return;
		}
		try {
			if (this.settings.ignores().test(failure)) {
				stats(experiment).ignored.add(failure);
			}
			else if (!this.settings.records().test(failure)) {
				stats(experiment).notRecorded.add(failure);
			}
		}
		catch (RuntimeException ex) {
			// a user predicate failed: the breaker's own events will say what happened
		}
	}

	/** Return whether a call delayed this long is a slow call. */
	boolean slowBy(long delayNanos) {
		return delayNanos > this.slowNanos;
	}

	InFlight slowDelays() {
		return this.slowDelays;
	}

	private Shadow closedWindow() {
		return (this.settings != null) ? new Shadow(this.settings.countBased(), this.settings.slidingWindowSize())
				: new Shadow(true, 100);
	}

	/**
	 * Record one call the breaker records, and return its marks.
	 * @param failure whether it is recorded as a failure
	 * @param injectedFailure whether that failure was injected
	 * @param elapsedNanos how long the call took, as the breaker measured it
	 * @return the call's {@link Shadow} flags
	 */
	int record(boolean failure, boolean injectedFailure, long elapsedNanos) {
		int flags = 0;
		if (failure) {
			flags |= injectedFailure ? Shadow.INJECTED_FAILURE : Shadow.REAL_FAILURE;
		}
		if (elapsedNanos > this.slowNanos) {
			long start = System.nanoTime() - elapsedNanos;
			boolean injected = this.slowDelays.takeSlow(start, elapsedNanos, this.slowNanos, SLOW_TOLERANCE_NANOS);
			flags |= injected ? Shadow.INJECTED_SLOW : Shadow.REAL_SLOW;
		}
		Shadow shadow = currentShadow();
		shadow.record(flags, shadow.countBased() ? 0 : epochSecond());
		return flags;
	}

	/**
	 * Judge an opening: caused by injection when the injected failures alone, or the
	 * injected slow calls alone, reach the breaker's rate over the tripping window.
	 * @param bufferedCalls the calls in the breaker's own window when it opened
	 * @param failedCalls the failed calls in that window, as the breaker counts them
	 * @param slowCalls the slow calls in that window, as the breaker counts them
	 * @return {@code [calls, injected failures, real failures, injected slow, real slow,
	 * caused (1 or 0)]}
	 */
	int[] opened(int bufferedCalls, int failedCalls, int slowCalls) {
		int[] counts = currentShadow().counts(epochSecond());
		// calls the breaker recorded before the observation began (chaos was never on
		// then, so none carried an injected fault) count as neither injected failures
		// nor injected slow calls; the real figures are the breaker's own counts less
		// the injected ones, so that they include them
		int calls = Math.max(bufferedCalls, counts[0]);
		counts[0] = calls;
		counts[2] = Math.max(counts[2], failedCalls - counts[1]);
		counts[4] = Math.max(counts[4], slowCalls - counts[3]);
		boolean caused = false;
		if (this.settings != null && calls > 0) {
			caused = counts[1] * 100f / calls >= this.settings.failureRateThreshold()
					|| counts[3] * 100f / calls >= this.settings.slowCallRateThreshold();
		}
		int[] result = java.util.Arrays.copyOf(counts, 6);
		result[5] = caused ? 1 : 0;
		return result;
	}

	/** A new window of the half-open state's permitted calls. */
	void halfOpen() {
		this.shadow = new Shadow(true, (this.settings != null) ? this.settings.halfOpenCalls() : 10);
	}

	/** A new, empty window of the breaker's own type and size. */
	void reset() {
		this.shadow = closedWindow();
	}

	private Shadow currentShadow() {
		return this.shadow;
	}

	private static long epochSecond() {
		return System.currentTimeMillis() / 1000;
	}

}
