package io.github.chaosstarter.engine;

/**
 * Counts responses and 5xx responses over a sliding time window in a fixed number of time
 * buckets: memory stays bounded whatever the traffic, and no per-request object is
 * retained.
 *
 * @author Chaos Starter team
 */
final class ErrorRateWindow {

	static final int BUCKETS = 10;

	private final long bucketNanos;

	private final long[] epochs = new long[BUCKETS];

	private final long[] totals = new long[BUCKETS];

	private final long[] errors = new long[BUCKETS];

	ErrorRateWindow(long windowNanos) {
		this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
		java.util.Arrays.fill(this.epochs, Long.MIN_VALUE);
	}

	/**
	 * Record one response and return the counts over the window ending now.
	 * @param nanoTime the current {@link System#nanoTime()}
	 * @param error whether the response is a 5xx
	 * @return total responses and 5xx responses in the window
	 */
	synchronized Counts record(long nanoTime, boolean error) {
		long epoch = Math.floorDiv(nanoTime, this.bucketNanos);
		int index = (int) Math.floorMod(epoch, (long) BUCKETS);
		if (this.epochs[index] != epoch) {
			this.epochs[index] = epoch;
			this.totals[index] = 0;
			this.errors[index] = 0;
		}
		this.totals[index]++;
		if (error) {
			this.errors[index]++;
		}
		long total = 0;
		long failed = 0;
		for (int i = 0; i < BUCKETS; i++) {
			if (epoch - this.epochs[i] < BUCKETS) {
				total += this.totals[i];
				failed += this.errors[i];
			}
		}
		return new Counts(total, failed);
	}

	/**
	 * Responses in the window.
	 *
	 * @param total all responses
	 * @param errors 5xx responses
	 */
	record Counts(long total, long errors) {

		double rate() {
			return (this.total != 0) ? (double) this.errors / this.total : 0.0;
		}

	}

}
