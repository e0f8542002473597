package io.github.chaosstarter.report;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

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

	private static final long LAP = 1L << 32;

	private static final long LAPS = -LAP;

	private final boolean countBased;

	private final int size;

	/** Count-based: the flags of the last calls, by call number modulo the size. */
	private final AtomicIntegerArray flags;

	/**
	 * Count-based: where the next call goes, as laps of the window (high 32 bits) and
	 * slot (low 32 bits), so that recording takes one compare-and-set and no division.
	 */
	private final AtomicLong position = new AtomicLong();

	private final long[] seconds;

	private final int[][] buckets;

	/**
	 * Create a window.
	 * @param countBased whether the window counts calls (else seconds)
	 * @param size the number of calls or seconds
	 */
	Shadow(boolean countBased, int size) {
		this.countBased = countBased;
		this.size = Math.max(1, size);
		this.flags = new AtomicIntegerArray(countBased ? this.size : 0);
		this.seconds = countBased ? new long[0] : new long[this.size];
		this.buckets = countBased ? new int[0][] : new int[this.size][5];
	}

	boolean countBased() {
		return this.countBased;
	}

	/**
	 * Record one call: without a lock in a count-based window, where each call takes the
	 * next slot.
	 * @param flags the call's flags
	 * @param epochSecond the current second, for a time-based window (ignored by a
	 * count-based one)
	 */
	void record(int flags, long epochSecond) {
		if (this.countBased) {
			long position;
			int slot;
			do {
				position = this.position.get();
				slot = (int) position;
			}
			while (!this.position.compareAndSet(position,
					(slot + 1 < this.size) ? position + 1 : (position & LAPS) + LAP));
			this.flags.setRelease(slot, flags);
			return;
		}
		recordTimed(flags, epochSecond);
	}

	private synchronized void recordTimed(int flags, long epochSecond) {
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
	int[] counts(long epochSecond) {
		if (!this.countBased) {
			return timedCounts(epochSecond);
		}
		int[] counts = new int[5];
		long position = this.position.get();
		int next = (int) position;
		long recorded = ((position & LAPS) != 0) ? this.size : next;
		for (long i = 0; i < recorded; i++) {
			int flags = this.flags.get((int) Math.floorMod(next - 1 - i, (long) this.size));
			counts[0]++;
			for (int bit = 0; bit < 4; bit++) {
				if ((flags & (1 << bit)) != 0) {
					counts[bit + 1]++;
				}
			}
		}
		return counts;
	}

	private synchronized int[] timedCounts(long epochSecond) {
		int[] counts = new int[5];
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
