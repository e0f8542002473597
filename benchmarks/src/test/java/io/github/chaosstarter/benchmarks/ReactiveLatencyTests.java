package io.github.chaosstarter.benchmarks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.benchmarks.reactive.QuoteService;
import io.github.chaosstarter.benchmarks.reactive.ReactiveLatencyHarness;
import io.github.chaosstarter.benchmarks.reactive.ReactiveLatencyHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand concurrent calls under a one-second latency assault finish in about one
 * second without a thread per call.
 *
 * @author Chaos Starter team
 */
class ReactiveLatencyTests {

	@Test
	void tenThousandDelayedMonosCompleteTogetherOnFewThreads() {
		try (ConfigurableApplicationContext context = ReactiveLatencyHarness.start(Duration.ofSeconds(1))) {
			Result result = ReactiveLatencyHarness.run(context.getBean(QuoteService.class), 10_000,
					Duration.ofSeconds(30));
			System.out.println("ReactiveLatencyTests: " + result);
			assertThat(result.completed()).isEqualTo(10_000);
			assertThat(result.wall()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
			assertThat(result.peakThreads() - result.threadsBefore()).isLessThan(64);
		}
	}

}
