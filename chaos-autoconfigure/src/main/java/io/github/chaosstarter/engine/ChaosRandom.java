package io.github.chaosstarter.engine;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single source of randomness behind every decision: a lock-free SplitMix64 sequence
 * on one atomic counter. With a seed, the same calls in the same order give the same
 * decisions. No allocation per draw.
 *
 * @author Chaos Starter team
 */
final class ChaosRandom {

	private static final long GAMMA = 0x9E3779B97F4A7C15L;

	private static final double DOUBLE_UNIT = 0x1.0p-53;

	private final AtomicLong state;

	ChaosRandom(long seed) {
		this.state = new AtomicLong(seed);
	}

	/**
	 * Create an unseeded generator.
	 * @return a generator with a random seed
	 */
	static ChaosRandom unseeded() {
		return new ChaosRandom(ThreadLocalRandom.current().nextLong());
	}

	/**
	 * Return the next value, uniformly distributed in {@code [0, 1)}.
	 * @return the value
	 */
	double nextDouble() {
		return (mix(this.state.addAndGet(GAMMA)) >>> 11) * DOUBLE_UNIT;
	}

	/**
	 * Return the next value between the bounds, both inclusive.
	 * @param min the lower bound
	 * @param max the upper bound
	 * @return the value
	 */
	long nextLong(long min, long max) {
		if (min >= max) {
			return min;
		}
		return min + (long) (nextDouble() * (max - min + 1));
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
