package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.chaosstarter.config.ChaosProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Strike#decide}: the one rule shared by bean methods, inbound requests
 * and outbound calls.
 */
class StrikeTests {

	private final TestRuntime test = new TestRuntime();

	@AfterEach
	void stop() {
		this.test.runtime.stop();
	}

	@Test
	void latenciesAddUpAndTheFirstTerminalEffectWins() {
		ChaosState state = enable(false, "slow", latency(100), "first", exception(), "slower", latency(200), "second",
				exception());
		Strike strike = Strike.decide(state, state.beanAssaults(), new Site(true));
		assertThat(strike).isNotNull();
		assertThat(strike.delayNanos()).isEqualTo(Duration.ofMillis(300).toNanos());
		assertThat(strike.assault()).isEqualTo("first");
		assertThat(strike.failure()).hasMessage("Chaos assault 'first': boom");
		assertThat(InjectedFaults.isMarked(strike.failure())).isTrue();
		assertThat(this.test.injections).extracting(ChaosListener.Injection::assault)
			.containsExactly("slow", "first", "slower");
		assertThat(state.assaults().get("second").matched()).as("not drawn once the outcome is decided").isZero();
	}

	@Test
	void dryRunCountsAndReportsButAppliesNothing() {
		ChaosState state = enable(true, "first", exception());
		assertThat(Strike.decide(state, state.beanAssaults(), new Site(true))).isNull();
		assertThat(state.assaults().get("first").dryRunHits()).isEqualTo(1);
		assertThat(state.assaults().get("first").injected()).isZero();
		assertThat(this.test.injections).singleElement()
			.satisfies((injection) -> assertThat(injection.dryRun()).isTrue());
	}

	@Test
	void candidatesTheSiteRejectsAreNotCounted() {
		ChaosState state = enable(false, "first", exception());
		assertThat(Strike.decide(state, state.beanAssaults(), new Site(false))).isNull();
		assertThat(state.assaults().get("first").matched()).isZero();
		assertThat(this.test.injections).isEmpty();
	}

	@Test
	void maxInjectionsStopsTheAssaultButItStillCountsMatches() {
		ChaosProperties.Assault once = exception();
		once.setMaxInjections(1L);
		ChaosState state = enable(false, "once", once);
		assertThat(Strike.decide(state, state.beanAssaults(), new Site(true))).isNotNull();
		assertThat(Strike.decide(state, state.beanAssaults(), new Site(true))).isNull();
		assertThat(state.assaults().get("once").matched()).isEqualTo(2);
		assertThat(state.assaults().get("once").injected()).isEqualTo(1);
	}

	private ChaosState enable(boolean dryRun, Object... namesAndAssaults) {
		Map<String, AssaultSpec> specs = new LinkedHashMap<>();
		for (int i = 0; i < namesAndAssaults.length; i += 2) {
			String name = (String) namesAndAssaults[i];
			specs.put(name, this.test.compiler.assault(name, (ChaosProperties.Assault) namesAndAssaults[i + 1]));
		}
		ChaosSpec base = this.test.runtime.baseline();
		return this.test.runtime
			.update((current) -> new ChaosSpec(true, dryRun, 1L, Duration.ZERO, base.guard(), specs), "test", "on");
	}

	private static ChaosProperties.Assault latency(long millis) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		ChaosProperties.Latency latency = new ChaosProperties.Latency();
		latency.setMin(Duration.ofMillis(millis));
		assault.setLatency(latency);
		return assault;
	}

	private static ChaosProperties.Assault exception() {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
		exception.setMessage("boom");
		assault.setException(exception);
		return assault;
	}

	private record Site(boolean matches) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return this.matches;
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return new IllegalStateException("Chaos assault '" + assault.name() + "': boom");
		}

		@Override
		public String target() {
			return "test";
		}

	}

}
