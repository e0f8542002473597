package io.github.chaosstarter.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.target.BeanKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosRuntime}: state swaps, counters across changes and the auto-halt
 * clock.
 */
class ChaosRuntimeTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

	private final ChaosSpecCompiler compiler = new ChaosSpecCompiler(EnumSet.allOf(BeanKind.class), false,
			getClass().getClassLoader());

	private final ChaosRuntime runtime = new ChaosRuntime(new ChaosStateHolder(), this.compiler,
			this.compiler.compile(new ChaosProperties()), (target) -> RequestCondition.NEVER, this.clock);

	@AfterEach
	void destroy() {
		this.runtime.destroy();
	}

	@Test
	void haltIsPlannedFromWhenChaosIsSwitchedOn() {
		this.runtime.apply(spec(true, Duration.ofMinutes(2)), "test", "on");
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:02:00Z"));
	}

	@Test
	void newDurationWhileChaosIsOnCountsFromNow() {
		this.runtime.apply(spec(true, Duration.ZERO), "test", "on");
		this.clock.advance(Duration.ofMinutes(10));
		this.runtime.apply(spec(true, Duration.ofSeconds(2)), "test", "limit");
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:10:02Z"));
		assertThat(this.runtime.current().enabled()).isTrue();
	}

	@Test
	void otherChangesKeepThePlannedHalt() {
		this.runtime.apply(spec(true, Duration.ofMinutes(2)), "test", "on");
		this.clock.advance(Duration.ofMinutes(1));
		this.runtime.apply(spec(true, Duration.ofMinutes(2)).withAssaults(Map.of("a", assault("a"))), "test", "add");
		assertThat(this.runtime.current().haltAt()).isEqualTo(Instant.parse("2026-11-29T10:02:00Z"));
	}

	@Test
	void unchangedAssaultKeepsItsCountersAcrossChanges() {
		this.runtime.apply(spec(true, Duration.ZERO).withAssaults(Map.of("a", assault("a"))), "test", "add a");
		Assault before = this.runtime.current().assaults().get("a");
		this.runtime.apply(spec(true, Duration.ZERO).withAssaults(Map.of("a", assault("a"), "b", assault("b"))), "test",
				"add b");
		assertThat(this.runtime.current().assaults().get("a")).isSameAs(before);
		assertThat(this.runtime.current().version()).isGreaterThan(0);
	}

	@Test
	void haltRestoresTheConfiguredAssaultsSwitchedOff() {
		this.runtime.apply(spec(true, Duration.ZERO).withAssaults(Map.of("a", assault("a"))), "test", "add a");
		this.runtime.halt("test", "stop");
		assertThat(this.runtime.current().enabled()).isFalse();
		assertThat(this.runtime.current().assaults()).isEmpty();
		assertThat(this.runtime.current().haltAt()).isNull();
	}

	private ChaosSpec spec(boolean enabled, Duration duration) {
		ChaosSpec base = this.runtime.baseline();
		return new ChaosSpec(enabled, false, null, duration, base.guard(), base.assaults());
	}

	private AssaultSpec assault(String name) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.setException(new ChaosProperties.ExceptionEffect());
		return this.compiler.assault("chaos.assaults", name, assault);
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
