package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Response times in a bounded, lock-free log-linear histogram: microseconds, exact below
 * {@value #SUB_BUCKETS}, above in {@value #SUB_BUCKETS} buckets per power of two, so a
 * percentile read from a bucket's midpoint is within 1% of the true value. Fixed size
 * (about 20 KB) whatever the traffic; times beyond about 73 minutes count as 73 minutes.
 *
 * @author Chaos Starter team
 */
final class Histogram {

	static final int SUB_BUCKETS = 64;

	private static final int SUB_BITS = 6;

	private static final int MAX_EXPONENT = 32;

	static final int SIZE = (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS;

	private final AtomicLongArray counts = new AtomicLongArray(SIZE);

	void record(long nanos) {
		this.counts.incrementAndGet(index(Math.max(0, nanos / 1000)));
	}

	void clear() {
		for (int i = 0; i < SIZE; i++) {
			this.counts.set(i, 0);
		}
	}

	void addTo(long[] target) {
		for (int i = 0; i < SIZE; i++) {
			target[i] += this.counts.get(i);
		}
	}

	long[] snapshot() {
		long[] result = new long[SIZE];
		addTo(result);
		return result;
	}

	static int index(long micros) {
		if (micros < SUB_BUCKETS) {
			return (int) micros;
		}
		int exponent = 63 - Long.numberOfLeadingZeros(micros);
		if (exponent > MAX_EXPONENT) {
			return SIZE - 1;
		}
		int sub = (int) ((micros >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
		return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
	}

	/**
	 * Return the middle of a bucket, in microseconds.
	 */
	static double middle(int index) {
		if (index < SUB_BUCKETS) {
			return index;
		}
		int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
		int sub = index % SUB_BUCKETS;
		long width = 1L << (exponent - SUB_BITS);
		return ((long) (SUB_BUCKETS + sub) << (exponent - SUB_BITS)) + (width - 1) / 2.0;
	}

	/**
	 * Return a percentile of the counts, in microseconds, or -1 without counts.
	 * @param counts the counts per bucket
	 * @param quantile between 0 and 1
	 */
	static double percentile(long[] counts, double quantile) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return -1;
		}
		long rank = Math.max(1, (long) Math.ceil(quantile * total));
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			seen += counts[i];
			if (seen >= rank) {
				return middle(i);
			}
		}
		return middle(counts.length - 1);
	}

	/**
	 * Write a percentile as a duration, to three significant digits.
	 * @param micros the value in microseconds, negative for none
	 * @return the duration, such as {@code 312ms} or {@code 1230us}, or {@code null}
	 */
	static @Nullable String format(double micros) {
		if (micros < 0) {
			return null;
		}
		long scale = 1;
		while (micros / scale >= 999.5) {
			scale *= 10;
		}
		long value = Math.round(micros / scale);
		return ChaosEngine.format(Duration.ofNanos(value * scale * 1000));
	}

	static @Nullable Duration duration(double micros) {
		return (micros < 0) ? null : Duration.ofNanos(Math.round(micros * 1000));
	}

}
