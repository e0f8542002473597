package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.ResilienceReport.Transition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline stays within its bound and keeps every count.
 */
class TimelineTests {

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void bucketsWidenAndKeepEveryCount() {
		Timeline timeline = new Timeline(START);
		for (int second = 0; second < 1000; second++) {
			timeline.served(START.plusSeconds(second), second % 10 == 0);
			timeline.injected(START.plusSeconds(second));
		}
		List<ServiceReport.TimelineBucket> buckets = timeline.buckets(START.plusSeconds(1000), Map.of(), Map.of());
		assertThat(buckets).hasSizeLessThanOrEqualTo(Timeline.MAX_BUCKETS).hasSizeGreaterThan(Timeline.MAX_BUCKETS / 2);
		assertThat(buckets.stream().mapToLong(ServiceReport.TimelineBucket::requests).sum()).isEqualTo(1000);
		assertThat(buckets.stream().mapToLong(ServiceReport.TimelineBucket::errors).sum()).isEqualTo(100);
		assertThat(buckets.stream().mapToLong(ServiceReport.TimelineBucket::injections).sum()).isEqualTo(1000);
		assertThat(buckets.get(0).at()).isEqualTo(START);
		assertThat(buckets.get(1).at()).isEqualTo(START.plusSeconds(16));
	}

	@Test
	void aCountLandsInTheBucketOfItsMillisecondFromAStartWithinASecond() {
		Instant start = Instant.parse("2026-12-01T10:00:00.700Z");
		Timeline timeline = new Timeline(start);
		timeline.injected(start.minusMillis(5));
		timeline.injected(Instant.parse("2026-12-01T10:00:01.699999999Z"));
		timeline.injected(Instant.parse("2026-12-01T10:00:01.700Z"));
		timeline.injected(Instant.parse("2026-12-01T10:00:03.050Z"));
		List<ServiceReport.TimelineBucket> buckets = timeline.buckets(start.plusSeconds(3), Map.of(), Map.of());
		assertThat(buckets).extracting(ServiceReport.TimelineBucket::injections)
			.as("before the start counts in the first bucket; 10:00:03.050 is 2.35 s in")
			.containsExactly(2L, 1L, 1L, 0L);
		assertThat(buckets.get(1).at()).isEqualTo(start.plusSeconds(1));
	}

	@Test
	void eachBucketShowsTheBreakerStateAtItsEnd() {
		Timeline timeline = new Timeline(START);
		Transition opened = new Transition("CLOSED", "OPEN", START.plusMillis(1500), 3, 4, 3, 1, 0, 0, true);
		List<ServiceReport.TimelineBucket> buckets = timeline.buckets(START.plusSeconds(3),
				Map.of("payments", List.of(opened)), Map.of("payments", "CLOSED", "ledger", "CLOSED"));
		assertThat(buckets).extracting(ServiceReport.TimelineBucket::circuitBreakers)
			.containsExactly(Map.of("payments", "CLOSED"), Map.of("payments", "OPEN"), Map.of("payments", "OPEN"),
					Map.of("payments", "OPEN"));
	}

}
