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
	void anEmptyWindowCountsNothing() {
		assertThat(new Shadow(true, 5).counts(0)).containsExactly(0, 0, 0, 0, 0);
		assertThat(new Shadow(false, 0).counts(7)).containsExactly(0, 0, 0, 0, 0);
	}

}
