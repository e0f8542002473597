package io.github.chaosstarter.report;

/**
 * A circuit breaker's window seen through its own events: the same type and size as the
 * breaker's, each recorded call marked injected failure, real failure, injected slow or
 * real slow. Resilience4j publishes a call's event before it records the call, on the
 * calling thread, and keeps the tripping window in the new OPEN state, so at each opening
 * this window holds exactly the calls that tripped it, as far as they were observed.
 * Calls the breaker recorded before the observation began are counted by the caller as
 * real (see {@link #counts(int)}).
 *
 * @author Chaos Starter team
 */
final class Shadow {

	static final int INJECTED_FAILURE = 1;

	static final int REAL_FAILURE = 2;

	static final int INJECTED_SLOW = 4;

	static final int REAL_SLOW = 8;

	private final boolean countBased;

	private final int size;

	private final int[] flags;

	private final long[] seconds;

	private final int[][] buckets;

	private int next;

	private int recorded;

	/**
	 * Create a window.
	 * @param countBased whether the window counts calls (else seconds)
	 * @param size the number of calls or seconds
	 */
	Shadow(boolean countBased, int size) {
		this.countBased = countBased;
		this.size = Math.max(1, size);
		this.flags = countBased ? new int[this.size] : new int[0];
		this.seconds = countBased ? new long[0] : new long[this.size];
		this.buckets = countBased ? new int[0][] : new int[this.size][5];
	}

	synchronized void record(int flags, long epochSecond) {
		if (this.countBased) {
			this.flags[this.next] = flags;
			this.next = (this.next + 1) % this.size;
			this.recorded = Math.min(this.recorded + 1, this.size);
			return;
		}
		int index = (int) Math.floorMod(epochSecond, (long) this.size);
		if (this.seconds[index] != epochSecond) {
			this.seconds[index] = epochSecond;
			java.util.Arrays.fill(this.buckets[index], 0);
		}
		int[] bucket = this.buckets[index];
		bucket[0]++;
		for (int bit = 0; bit < 4; bit++) {
			if ((flags & (1 << bit)) != 0) {
				bucket[bit + 1]++;
			}
		}
	}

	/**
	 * Return the counts of the window.
	 * @param epochSecond the current second, for a time-based window
	 * @return {@code [calls, injected failures, real failures, injected slow, real
	 * slow]}
	 */
	synchronized int[] counts(long epochSecond) {
		int[] counts = new int[5];
		if (this.countBased) {
			for (int i = 0; i < this.recorded; i++) {
				int index = Math.floorMod(this.next - 1 - i, this.size);
				counts[0]++;
				for (int bit = 0; bit < 4; bit++) {
					if ((this.flags[index] & (1 << bit)) != 0) {
						counts[bit + 1]++;
					}
				}
			}
			return counts;
		}
		for (int i = 0; i < this.size; i++) {
			if (epochSecond - this.seconds[i] < this.size && this.seconds[i] <= epochSecond) {
				for (int j = 0; j < 5; j++) {
					counts[j] += this.buckets[i][j];
				}
			}
		}
		return counts;
	}

}
