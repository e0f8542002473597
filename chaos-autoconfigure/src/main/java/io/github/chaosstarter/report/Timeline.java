package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The experiment's timeline: at most {@value #MAX_BUCKETS} buckets of requests, 5xx
 * responses and injections, one second wide at first and twice as wide each time the
 * experiment outgrows them. Lock-free to record; a count recorded while the buckets are
 * being widened may be lost.
 *
 * @author Chaos Starter team
 */
final class Timeline {

	static final int MAX_BUCKETS = 120;

	private static final int REQUESTS = 0;

	private static final int ERRORS = 1;

	private static final int INJECTIONS = 2;

	private final long startMillis;

	private final long startSecond;

	/** The start's nanoseconds within its second, to the millisecond. */
	private final int startNanos;

	private volatile Buckets buckets = new Buckets(0);

	Timeline(Instant start) {
		this.startMillis = start.toEpochMilli();
		this.startSecond = Math.floorDiv(this.startMillis, 1000);
		this.startNanos = (int) Math.floorMod(this.startMillis, 1000) * 1_000_000;
	}

	void served(Instant at, boolean error) {
		record(at, REQUESTS);
		if (error) {
			record(at, ERRORS);
		}
	}

	void injected(Instant at) {
		record(at, INJECTIONS);
	}

	private void record(Instant at, int kind) {
		// whole seconds since the start, to the millisecond as the buckets are, then
		// halved per widening: no division
		long seconds = Math.max(0, at.getEpochSecond() - this.startSecond - ((at.getNano() < this.startNanos) ? 1 : 0));
		while (true) {
			Buckets current = this.buckets;
			long index = seconds >>> current.shift;
			if (index < MAX_BUCKETS) {
				current.counts.incrementAndGet((int) index * 3 + kind);
				return;
			}
			widen(current);
		}
	}

	private synchronized void widen(Buckets old) {
		if (this.buckets != old) {
			return;
		}
		Buckets wider = new Buckets(old.shift + 1);
		for (int i = 0; i < MAX_BUCKETS * 3; i++) {
			int bucket = i / 3;
			wider.counts.addAndGet((bucket / 2) * 3 + i % 3, old.counts.get(i));
		}
		this.buckets = wider;
	}

	/**
	 * Return the buckets from the start up to now.
	 * @param now the current time
	 * @param transitions every breaker's transitions, oldest first
	 * @param statesAtStart breaker states when the experiment started
	 * @return the buckets
	 */
	List<ServiceReport.TimelineBucket> buckets(Instant now, Map<String, List<ResilienceReport.Transition>> transitions,
			Map<String, String> statesAtStart) {
		Buckets current = this.buckets;
		long offset = Math.max(0, now.toEpochMilli() - this.startMillis);
		int count = (int) Math.min(MAX_BUCKETS, offset / current.width + 1);
		List<ServiceReport.TimelineBucket> result = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Instant at = Instant.ofEpochMilli(this.startMillis + i * current.width);
			Instant end = at.plusMillis(current.width);
			result.add(new ServiceReport.TimelineBucket(at, current.counts.get(i * 3 + REQUESTS),
					current.counts.get(i * 3 + ERRORS), current.counts.get(i * 3 + INJECTIONS),
					states(end, transitions, statesAtStart)));
		}
		return result;
	}

	private static Map<String, String> states(Instant end, Map<String, List<ResilienceReport.Transition>> transitions,
			Map<String, String> statesAtStart) {
		Map<String, String> states = new TreeMap<>();
		statesAtStart.forEach((name, state) -> {
			if (!"CLOSED".equals(state)) {
				states.put(name, state);
			}
		});
		transitions.forEach((name, list) -> {
			if (list.isEmpty()) {
				return;
			}
			String state = statesAtStart.getOrDefault(name, list.get(0).from());
			for (ResilienceReport.Transition transition : list) {
				if (transition.at().isAfter(end)) {
					break;
				}
				state = transition.to();
			}
			states.put(name, state);
		});
		return states;
	}

	private static final class Buckets {

		/** How many times the first width of one second was doubled. */
		final int shift;

		/** The width in milliseconds. */
		final long width;

		final AtomicLongArray counts = new AtomicLongArray(MAX_BUCKETS * 3);

		Buckets(int shift) {
			this.shift = shift;
			this.width = 1000L << shift;
		}

	}

}
