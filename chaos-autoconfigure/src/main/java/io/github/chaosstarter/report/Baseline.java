package io.github.chaosstarter.report;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The traffic before chaos was switched on, for the hypothesis' baseline: a ring of
 * {@value #SLOTS} time slots that together span {@code chaos.hypothesis.baseline} (each
 * at least a second), each with its counts and a {@link Histogram}. Lock-free; fixed
 * size. When a slot is reused for a later time its counts start again; a response
 * recorded in the instant of that turn-over may be lost.
 *
 * @author Chaos Starter team
 */
final class Baseline {

	static final int SLOTS = 10;

	private final long slotMillis;

	private final Duration window;

	private final Slot[] slots = new Slot[SLOTS];

	Baseline(Duration window) {
		this.window = window;
		this.slotMillis = Math.max(1000, window.toMillis() / SLOTS);
		for (int i = 0; i < SLOTS; i++) {
			this.slots[i] = new Slot();
		}
	}

	Duration window() {
		return this.window;
	}

	void record(int status, long nanos, long nowMillis) {
		long epoch = nowMillis / this.slotMillis;
		Slot slot = this.slots[(int) (epoch % SLOTS)];
		long current = slot.epoch.get();
		if (current != epoch && slot.epoch.compareAndSet(current, epoch)) {
			slot.requests.set(0);
			slot.errors.set(0);
			slot.histogram.clear();
		}
		slot.requests.incrementAndGet();
		if (status >= 500) {
			slot.errors.incrementAndGet();
		}
		slot.histogram.record(nanos);
	}

	/**
	 * Return the figures of the window that ends now.
	 * @param nowMillis the current time
	 * @return the figures
	 */
	Figures figures(long nowMillis) {
		long newest = nowMillis / this.slotMillis;
		long oldest = (nowMillis - this.window.toMillis()) / this.slotMillis;
		long requests = 0;
		long errors = 0;
		long[] counts = new long[Histogram.SIZE];
		for (Slot slot : this.slots) {
			long epoch = slot.epoch.get();
			if (epoch >= oldest && epoch <= newest) {
				requests += slot.requests.get();
				errors += slot.errors.get();
				slot.histogram.addTo(counts);
			}
		}
		return new Figures(requests, errors, counts);
	}

	/**
	 * Requests, 5xx responses and response times of one window.
	 */
	record Figures(long requests, long errors, long[] counts) {

		static final Figures NONE = new Figures(0, 0, new long[Histogram.SIZE]);

		double errorRate() {
			return (this.requests > 0) ? (double) this.errors / this.requests : 0.0;
		}

		double percentile(double quantile) {
			return Histogram.percentile(this.counts, quantile);
		}

	}

	private static final class Slot {

		final AtomicLong epoch = new AtomicLong(-1);

		final AtomicLong requests = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final Histogram histogram = new Histogram();

	}

}
