package io.github.chaosstarter.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorRateWindow}.
 */
class ErrorRateWindowTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void countsResponsesWithinTheWindow() {
		ErrorRateWindow window = new ErrorRateWindow(10 * SECOND);
		window.record(0, true);
		window.record(SECOND, false);
		ErrorRateWindow.Counts counts = window.record(2 * SECOND, true);
		assertThat(counts.total()).isEqualTo(3);
		assertThat(counts.errors()).isEqualTo(2);
	}

	@Test
	void forgetsResponsesOlderThanTheWindow() {
		ErrorRateWindow window = new ErrorRateWindow(10 * SECOND);
		for (int i = 0; i < 5; i++) {
			window.record(i * SECOND, true);
		}
		ErrorRateWindow.Counts counts = window.record(13 * SECOND, false);
		assertThat(counts.total()).as("seconds 4 to 13").isEqualTo(2);
		assertThat(counts.errors()).isEqualTo(1);
	}

	@Test
	void reusesBucketsWithBoundedMemoryOverLongRuns() {
		ErrorRateWindow window = new ErrorRateWindow(10 * SECOND);
		ErrorRateWindow.Counts counts = null;
		for (long t = 0; t < 1000; t++) {
			counts = window.record(t * SECOND, t % 2 == 0);
		}
		assertThat(counts.total()).isEqualTo(10);
		assertThat(counts.rate()).isEqualTo(0.5);
	}

}
