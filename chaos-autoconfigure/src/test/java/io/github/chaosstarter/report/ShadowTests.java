package io.github.chaosstarter.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link Shadow}: the breaker's window as its own events fill it.
 */
class ShadowTests {

	@Test
	void aCountBasedWindowHoldsTheLastCallsOnly() {
		Shadow shadow = new Shadow(true, 3);
		shadow.record(Shadow.REAL_FAILURE, 0);
		shadow.record(Shadow.INJECTED_FAILURE, 0);
		shadow.record(Shadow.INJECTED_FAILURE | Shadow.INJECTED_SLOW, 0);
		shadow.record(0, 0);
		assertThat(shadow.counts(0)).containsExactly(3, 2, 0, 1, 0);
	}

	@Test
	void aTimeBasedWindowForgetsSecondsThatLeftIt() {
		Shadow shadow = new Shadow(false, 2);
		shadow.record(Shadow.REAL_FAILURE, 100);
		shadow.record(Shadow.INJECTED_FAILURE, 101);
		shadow.record(Shadow.REAL_SLOW, 101);
		assertThat(shadow.counts(101)).containsExactly(3, 1, 1, 0, 1);
		assertThat(shadow.counts(102)).as("second 100 left the window").containsExactly(2, 1, 0, 0, 1);
		shadow.record(0, 103);
		assertThat(shadow.counts(103)).as("second 101 was overwritten or left").containsExactly(1, 0, 0, 0, 0);
	}

	@Test
	void aCountBasedWindowNotYetFullCountsWhatItHolds() {
		Shadow shadow = new Shadow(true, 5);
		shadow.record(Shadow.INJECTED_FAILURE, 0);
		shadow.record(Shadow.REAL_SLOW, 0);
		assertThat(shadow.counts(0)).containsExactly(2, 1, 0, 0, 1);
	}

	@Test
	void aCountBasedWindowStaysExactOverManyLaps() {
		Shadow shadow = new Shadow(true, 7);
		for (int call = 0; call < 7 * 1000 + 3; call++) {
			// the last 7 calls: 4 real failures of an earlier lap, then 3 injected ones
			shadow.record((call < 7 * 1000) ? Shadow.REAL_FAILURE : Shadow.INJECTED_FAILURE, 0);
		}
		assertThat(shadow.counts(0)).containsExactly(7, 3, 4, 0, 0);
	}

	@Test
	void concurrentCallsEachTakeASlotOfTheWindow() throws Exception {
		Shadow shadow = new Shadow(true, 1000);
		int threads = 4;
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int flags = (thread % 2 == 0) ? Shadow.INJECTED_FAILURE : Shadow.REAL_FAILURE;
				done.add(executor.submit(() -> {
					start.await();
					for (int call = 0; call < 250; call++) {
						shadow.record(flags, 0);
					}
					return null;
				}));
			}
			start.countDown();
			for (java.util.concurrent.Future<?> future : done) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(shadow.counts(0)).as("1000 calls in a window of 1000: none lost, none overwritten")
			.containsExactly(1000, 500, 500, 0, 0);
	}

	@Test
	void anEmptyWindowCountsNothing() {
		assertThat(new Shadow(true, 5).counts(0)).containsExactly(0, 0, 0, 0, 0);
		assertThat(new Shadow(false, 0).counts(7)).containsExactly(0, 0, 0, 0, 0);
	}

}
