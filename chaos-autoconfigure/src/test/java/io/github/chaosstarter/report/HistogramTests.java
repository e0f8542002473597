package io.github.chaosstarter.report;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The response-time histogram keeps percentiles within 1% of the exact value.
 */
class HistogramTests {

	@Test
	void percentilesAreWithinOnePercentOfTheExactValue() {
		Random random = new Random(7);
		for (int run = 0; run < 20; run++) {
			Histogram histogram = new Histogram();
			long[] micros = new long[5_000];
			for (int i = 0; i < micros.length; i++) {
				// log-uniform from 1 us to about 100 s
				micros[i] = Math.max(1, (long) Math.exp(random.nextDouble() * Math.log(100_000_000)));
				histogram.record(micros[i] * 1000);
			}
			Arrays.sort(micros);
			for (double quantile : new double[] { 0.5, 0.9, 0.99, 0.999 }) {
				long exact = micros[(int) Math.ceil(quantile * micros.length) - 1];
				double measured = Histogram.percentile(histogram.snapshot(), quantile);
				assertThat(measured).as("p%s of run %d", quantile, run).isCloseTo(exact, within(exact * 0.01 + 0.5));
			}
		}
	}

	@Test
	void everyBucketIndexMapsBackIntoItsBucket() {
		for (long micros = 1; micros < (1L << 33); micros = micros * 3 / 2 + 1) {
			int index = Histogram.index(micros);
			assertThat(Histogram.middle(index)).as("%d us", micros).isCloseTo(micros, within(micros * 0.01 + 0.5));
		}
	}

	@Test
	void timesBeyondTheRangeCountInTheLastBucket() {
		assertThat(Histogram.index(Long.MAX_VALUE / 1000)).isEqualTo(Histogram.SIZE - 1);
		assertThat(Histogram.index(0)).isZero();
	}

	@Test
	void percentilesAreWrittenAsDurationsToThreeSignificantDigits() {
		assertThat(Histogram.format(312_456)).isEqualTo("312ms");
		assertThat(Histogram.format(1234)).isEqualTo("1230us");
		assertThat(Histogram.format(17)).isEqualTo("17us");
		assertThat(Histogram.format(2_500_000)).isEqualTo("2500ms");
		assertThat(Histogram.format(-1)).isNull();
	}

	@Test
	void anEmptyHistogramHasNoPercentile() {
		assertThat(Histogram.percentile(new Histogram().snapshot(), 0.99)).isNegative();
	}

}
