package io.github.chaosstarter.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link BreakerTrack#opened(int, int, int)} and {@link BreakerJudge}: an
 * opening is credited to injection only when the injected faults alone reach the
 * breaker's rate over the window that tripped it.
 */
class BreakerJudgeTests {

	private static final BreakerSettings SETTINGS = new BreakerSettings(4, 50f, 4, true, 2, (failure) -> true,
			(failure) -> false, Duration.ofMillis(300), 50f);

	@Test
	void injectedFailuresThatAloneReachTheRateCauseTheOpening() {
		BreakerTrack track = new BreakerTrack("orders", SETTINGS);
		track.record(true, true, 0);
		track.record(true, true, 0);
		track.record(false, false, 0);
		track.record(true, false, 0);
		assertThat(track.opened(4, 3, 0)).containsExactly(4, 2, 1, 0, 0, 1);
	}

	@Test
	void anOpeningThatNeedsTheRealFailuresIsNotCaused() {
		BreakerTrack track = new BreakerTrack("orders", SETTINGS);
		track.record(true, true, 0);
		track.record(true, false, 0);
		track.record(true, false, 0);
		track.record(false, false, 0);
		assertThat(track.opened(4, 3, 0)).containsExactly(4, 1, 2, 0, 0, 0);
	}

	@Test
	void callsRecordedBeforeTheObservationBeganAreNeverInjected() {
		BreakerTrack track = new BreakerTrack("orders", SETTINGS);
		track.record(true, true, 0);
		assertThat(track.opened(4, 1, 0)).as("1 injected of 4 buffered calls is 25%").containsExactly(4, 1, 0, 0, 0, 0);
	}

	@Test
	void failuresTheBreakerRecordedBeforeTheObservationBeganAreReal() {
		// found on a never-seen application: two real failures before chaos was first on,
		// then three injected ones, opened a breaker of 10 calls at 50%; the reason said
		// "3 injected and 0 real failures of 10 calls"
		BreakerTrack track = new BreakerTrack("orders", SETTINGS);
		track.record(true, true, 0);
		track.record(true, true, 0);
		track.record(true, true, 0);
		track.record(false, false, 0);
		assertThat(track.opened(10, 5, 0)).as("the breaker counts 5 failures: 3 injected, so 2 real")
			.containsExactly(10, 3, 2, 0, 0, 0);
	}

	@Test
	void injectedSlowCallsAloneCanCauseTheOpening() {
		BreakerTrack track = new BreakerTrack("orders", SETTINGS);
		long now = System.nanoTime();
		track.slowDelays()
			.add(new io.github.chaosstarter.engine.ChaosListener.Injection("slow", "latency", "S.m", null, null, null,
					null, null, Duration.ofMillis(500).toNanos(), false, now - Duration.ofMillis(510).toNanos(),
					Instant.now()));
		track.slowDelays()
			.add(new io.github.chaosstarter.engine.ChaosListener.Injection("slow", "latency", "S.m", null, null, null,
					null, null, Duration.ofMillis(500).toNanos(), false, now - Duration.ofMillis(505).toNanos(),
					Instant.now()));
		track.record(false, false, Duration.ofMillis(510).toNanos());
		track.record(false, false, Duration.ofMillis(505).toNanos());
		track.record(false, false, 0);
		track.record(false, false, Duration.ofMillis(400).toNanos());
		assertThat(track.opened(4, 0, 3)).as("2 injected slow, 1 real slow").containsExactly(4, 0, 0, 2, 1, 1);
	}

	@Test
	void aBreakerIsCreditedOnlyForACausedOpening() {
		Experiment.BreakerStats stats = new Experiment(Instant.now(), Map.of()).breaker("catalog");
		stats.injectedFailures.set(1);
		stats.realFailures.set(2);
		stats.successes.set(1);
		stats.transition(new Transition("CLOSED", "OPEN", Instant.now(), 1, 4, 1, 2, 0, 0, false));
		CircuitBreakerReport report = BreakerJudge.judge("catalog", stats, SETTINGS, "CLOSED", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("opened with 1 injected and 2 real failures of 4 calls "
				+ "(failureRateThreshold 50%): real failures opened it, the injected ones alone would not have");
		stats.transition(new Transition("HALF_OPEN", "OPEN", Instant.now(), 2, 2, 2, 0, 0, 0, true));
		report = BreakerJudge.judge("catalog", stats, SETTINGS, "CLOSED", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.reason()).endsWith(": injected faults opened it");
	}

	@Test
	void aBreakerNoInjectedFaultReachedIsNotExercised() {
		CircuitBreakerReport report = BreakerJudge.judge("idle",
				new Experiment(Instant.now(), Map.of()).breaker("idle"), SETTINGS, "OPEN", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.reason()).contains("was already OPEN when the experiment started");
	}

}
