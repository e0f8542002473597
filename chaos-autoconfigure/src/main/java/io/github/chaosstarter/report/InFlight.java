package io.github.chaosstarter.report;

import java.util.Arrays;

import io.github.chaosstarter.engine.ChaosListener.Injection;

/**
 * The injected delays that a resilience instance (a time limiter, a bulkhead, a circuit
 * breaker) has in flight, in a fixed-size ring: no allocation per delay, and old delays
 * are overwritten. Each delay is taken at most once, in the order it started, so that
 * each over-long delay explains exactly one timeout (or one slow call).
 *
 * @author Chaos Starter team
 */
final class InFlight {

	static final int CAPACITY = 256;

	/** How late a timeout may be signalled after it was due (scheduler jitter). */
	static final long LATE_NANOS = 500_000_000L;

	/** How early (clock skew between threads). */
	static final long EARLY_NANOS = 5_000_000L;

	private final Injection[] injections = new Injection[CAPACITY];

	private final long[] starts = new long[CAPACITY];

	private final long[] ends = new long[CAPACITY];

	private final boolean[] taken = new boolean[CAPACITY];

	private final boolean[] cancelled = new boolean[CAPACITY];

	private int next;

	synchronized void add(Injection injection) {
		int index = this.next;
		this.injections[index] = injection;
		this.starts[index] = injection.nanoTime();
		this.ends[index] = injection.nanoTime() + injection.delayNanos();
		this.taken[index] = false;
		this.cancelled[index] = false;
		this.next = (index + 1) % CAPACITY;
	}

	/**
	 * The delay ended early: the caller gave up on the call. It no longer holds a permit,
	 * and explains no later timeout.
	 * @param injection the delay's injection
	 * @param now the current {@link System#nanoTime()}
	 */
	synchronized void cancelled(Injection injection, long now) {
		for (int i = 0; i < CAPACITY; i++) {
			if (this.injections[i] == injection) {
				this.ends[i] = Math.min(this.ends[i], now);
				this.cancelled[i] = true;
				return;
			}
		}
	}

	/**
	 * Take a delay that was cancelled on the thread that now signals a timeout, when that
	 * delay is one of this limiter's (it ran under it, longer than its timeout) and the
	 * limiter's timeout was due when it was cancelled: the limiter cut it short. A delay
	 * the caller gave up on earlier, or one under another limiter, explains nothing.
	 * @param injection the cancelled delay's injection
	 * @param now the current {@link System#nanoTime()}
	 * @param timeoutNanos the limiter's timeout
	 * @return whether it was taken
	 */
	synchronized boolean takeCancelled(Injection injection, long now, long timeoutNanos) {
		for (int i = 0; i < CAPACITY; i++) {
			if (this.injections[i] == injection) {
				long due = this.starts[i] + timeoutNanos;
				boolean cutByTimeout = !this.taken[i] && injection.delayNanos() > timeoutNanos
						&& this.ends[i] >= due - EARLY_NANOS && now <= due + LATE_NANOS;
				if (cutByTimeout) {
					this.taken[i] = true;
				}
				return cutByTimeout;
			}
		}
		return false;
	}

	/**
	 * Take the oldest delay longer than the timeout whose timeout is due now.
	 * @param now the current {@link System#nanoTime()}
	 * @param timeoutNanos the limiter's timeout
	 * @return whether one was found
	 */
	synchronized boolean takeTimeout(long now, long timeoutNanos) {
		int best = -1;
		for (int i = 0; i < CAPACITY; i++) {
			Injection injection = this.injections[i];
			if (injection == null || this.taken[i] || this.cancelled[i] || injection.delayNanos() <= timeoutNanos) {
				continue;
			}
			long due = this.starts[i] + timeoutNanos;
			if (now >= due - EARLY_NANOS && now <= due + LATE_NANOS
					&& (best < 0 || this.starts[i] < this.starts[best])) {
				best = i;
			}
		}
		if (best >= 0) {
			this.taken[best] = true;
			return true;
		}
		return false;
	}

	/**
	 * Take the delay of a slow call: one that started within the tolerance of the call's
	 * start (the chaos advice is the innermost layer), ended before the call did, and
	 * without which the call would not have been slow. A delay longer than the call
	 * cannot have been carried by it.
	 * @param callStart when the slow call started
	 * @param elapsedNanos how long the call took
	 * @param thresholdNanos the breaker's slow-call threshold
	 * @param toleranceNanos how far apart the starts may be
	 * @return whether one was found
	 */
	synchronized boolean takeSlow(long callStart, long elapsedNanos, long thresholdNanos, long toleranceNanos) {
		int best = -1;
		long bestGap = Long.MAX_VALUE;
		long callEnd = callStart + elapsedNanos;
		for (int i = 0; i < CAPACITY; i++) {
			Injection injection = this.injections[i];
			if (injection == null || this.taken[i] || this.cancelled[i]) {
				continue;
			}
			long gap = this.starts[i] - callStart;
			boolean within = Math.abs(gap) <= toleranceNanos && this.ends[i] <= callEnd + EARLY_NANOS;
			boolean explains = elapsedNanos - injection.delayNanos() <= thresholdNanos;
			if (within && explains && Math.abs(gap) < bestGap) {
				best = i;
				bestGap = Math.abs(gap);
			}
		}
		if (best >= 0) {
			this.taken[best] = true;
			return true;
		}
		return false;
	}

	/**
	 * Return whether an injected delay holds a permit at this moment.
	 * @param now the current {@link System#nanoTime()}
	 * @return {@code true} while a delay runs
	 */
	synchronized boolean holding(long now) {
		for (int i = 0; i < CAPACITY; i++) {
			if (this.injections[i] != null && this.starts[i] <= now && now < this.ends[i]) {
				return true;
			}
		}
		return false;
	}

	synchronized void clear() {
		Arrays.fill(this.injections, null);
		this.next = 0;
	}

}
