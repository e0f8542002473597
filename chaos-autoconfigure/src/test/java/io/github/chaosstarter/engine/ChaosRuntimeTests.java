package io.github.chaosstarter.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.chaosstarter.config.ChaosProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosRuntime}: state swaps, counters across changes, the auto-halt
 * clock and what listeners are told, without sleeping.
 */
class ChaosRuntimeTests {

	private final TestRuntime test = new TestRuntime();

	private final ChaosRuntime runtime = this.test.runtime;

	@AfterEach
	void stop() {
		this.runtime.stop();
	}

	@Test
	void haltIsPlannedFromWhenChaosIsSwitchedOn() {
		update(spec(true, Duration.ofMinutes(2)));
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:02:00Z"));
		assertThat(this.test.scheduler.pending()).singleElement()
			.satisfies((task) -> assertThat(task.delayMillis).isEqualTo(Duration.ofMinutes(2).toMillis()));
	}

	@Test
	void dueHaltSwitchesChaosOffAndIsAudited() {
		update(spec(true, Duration.ofSeconds(2)).withAssault("a", assault("a")));
		this.test.clock.advance(Duration.ofSeconds(2));
		this.test.scheduler.runDue();
		assertThat(this.runtime.current().enabled()).isFalse();
		assertThat(this.runtime.history()).last().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("auto-halt");
			assertThat(entry.description()).isEqualTo("chaos.duration of 2s elapsed");
		});
		assertThat(this.test.changes).last().satisfies((change) -> assertThat(change.disabledChaos()).isTrue());
	}

	@Test
	void replacedPlanNeverHalts() {
		update(spec(true, Duration.ofSeconds(2)));
		update(spec(true, Duration.ZERO));
		this.test.scheduler.runDue();
		assertThat(this.runtime.current().enabled()).isTrue();
		assertThat(this.test.scheduler.pending()).isEmpty();
	}

	@Test
	void newDurationWhileChaosIsOnCountsFromNow() {
		update(spec(true, Duration.ZERO));
		this.test.clock.advance(Duration.ofMinutes(10));
		update(spec(true, Duration.ofSeconds(2)));
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:10:02Z"));
		assertThat(this.runtime.current().enabled()).isTrue();
	}

	@Test
	void otherChangesKeepThePlannedHalt() {
		update(spec(true, Duration.ofMinutes(2)));
		this.test.clock.advance(Duration.ofMinutes(1));
		update(spec(true, Duration.ofMinutes(2)).withAssault("a", assault("a")));
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:02:00Z"));
	}

	@Test
	void unchangedAssaultKeepsItsCountersAcrossChanges() {
		update(spec(true, Duration.ZERO).withAssault("a", assault("a")));
		Assault before = this.runtime.current().assaults().get("a");
		update(spec(true, Duration.ZERO).withAssault("a", assault("a")).withAssault("b", assault("b")));
		assertThat(this.runtime.current().assaults().get("a")).isSameAs(before);
	}

	@Test
	void haltRestoresTheConfiguredAssaultsSwitchedOff() {
		update(spec(true, Duration.ZERO).withAssault("a", assault("a")));
		this.runtime.halt("test", "stop");
		assertThat(this.runtime.current().enabled()).isFalse();
		assertThat(this.runtime.current().assaults()).isEmpty();
		assertThat(this.runtime.current().haltAt()).isNull();
	}

	@Test
	void listenersAreToldTheConfiguredStateOnStartAndEveryChange() {
		assertThat(this.test.changes).singleElement().satisfies((change) -> {
			assertThat(change.actor()).isEqualTo("configuration");
			assertThat(change.enabled()).isFalse();
		});
		update(spec(true, Duration.ZERO));
		assertThat(this.test.changes).hasSize(2).last().satisfies((change) -> {
			assertThat(change.enabledChaos()).isTrue();
			assertThat(change.changes()).containsExactly("enabled");
		});
	}

	@Test
	void stopSwitchesChaosOffSilently() {
		update(spec(true, Duration.ofMinutes(1)));
		this.runtime.stop();
		assertThat(this.runtime.current().enabled()).isFalse();
		assertThat(this.test.changes).hasSize(2);
		assertThat(this.test.scheduler.shutdown).isTrue();
	}

	private void update(ChaosSpec spec) {
		this.runtime.update((current) -> spec, "test", "test");
	}

	private ChaosSpec spec(boolean enabled, Duration duration) {
		ChaosSpec base = this.runtime.baseline();
		return new ChaosSpec(enabled, false, null, duration, base.guard(), Map.of());
	}

	private AssaultSpec assault(String name) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.setException(new ChaosProperties.ExceptionEffect());
		return this.test.compiler.assault(name, assault);
	}

}
