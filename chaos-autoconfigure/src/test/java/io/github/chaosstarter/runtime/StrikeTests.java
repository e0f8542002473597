package io.github.chaosstarter.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.target.BeanKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Strike#decide}: the one rule shared by bean methods, inbound requests
 * and outbound calls.
 */
class StrikeTests {

	private final ChaosSpecCompiler compiler = new ChaosSpecCompiler(EnumSet.allOf(BeanKind.class), false,
			getClass().getClassLoader());

	private final ChaosRuntime runtime = new ChaosRuntime(new ChaosStateHolder(), this.compiler,
			this.compiler.compile(new ChaosProperties()), (target) -> RequestCondition.NEVER, Clock.systemUTC());

	private final List<Injection> injections = new ArrayList<>();

	@AfterEach
	void destroy() {
		this.runtime.destroy();
	}

	@Test
	void latenciesAddUpAndTheFirstTerminalEffectWins() {
		ChaosState state = enable(false, Map.of("slow", latency(100), "first", exception("first"), "slower",
				latency(200), "second", exception("second")));
		Strike strike = decide(state);
		assertThat(strike).isNotNull();
		assertThat(strike.delayNanos()).isEqualTo(Duration.ofMillis(300).toNanos());
		assertThat(strike.terminal().name()).isEqualTo("first");
		assertThat(strike.failure()).hasMessage("Chaos assault 'first': boom");
		assertThat(this.injections).extracting(Injection::assault).containsExactly("slow", "first", "slower");
		assertThat(state.assaults().get("second").matched()).as("not drawn once the outcome is decided").isZero();
	}

	@Test
	void dryRunCountsAndReportsButAppliesNothing() {
		ChaosState state = enable(true, Map.of("first", exception("first")));
		assertThat(decide(state)).isNull();
		assertThat(state.assaults().get("first").dryRunHits()).isEqualTo(1);
		assertThat(this.injections).singleElement().satisfies((injection) -> assertThat(injection.dryRun()).isTrue());
	}

	@Test
	void candidatesTheSiteRejectsAreNotCounted() {
		ChaosState state = enable(false, Map.of("first", exception("first")));
		assertThat(Strike.decide(state, state.beanAssaults(), new Site() {
			@Override
			public boolean matches(int index, Assault assault) {
				return false;
			}
		}, this.runtime)).isNull();
		assertThat(state.assaults().get("first").matched()).isZero();
	}

	private @Nullable Strike decide(ChaosState state) {
		return Strike.decide(state, state.beanAssaults(), new Site(), this.runtime);
	}

	private ChaosState enable(boolean dryRun, Map<String, ChaosProperties.Assault> assaults) {
		this.runtime.addInjectionListener(this.injections::add);
		Map<String, AssaultSpec> specs = new LinkedHashMap<>();
		// declaration order matters: sort by the order the test names them
		assaults.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(this::order))
			.forEach((entry) -> specs.put(entry.getKey(),
					this.compiler.assault("chaos.assaults", entry.getKey(), entry.getValue())));
		ChaosSpec base = this.runtime.baseline();
		return this.runtime.apply(new ChaosSpec(true, dryRun, 1L, Duration.ZERO, base.guard(), specs), "test", "on");
	}

	private int order(String a, String b) {
		List<String> names = List.of("slow", "first", "slower", "second");
		return Integer.compare(names.indexOf(a), names.indexOf(b));
	}

	private static ChaosProperties.Assault latency(long millis) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		ChaosProperties.Latency latency = new ChaosProperties.Latency();
		latency.setMin(Duration.ofMillis(millis));
		assault.setLatency(latency);
		return assault;
	}

	private static ChaosProperties.Assault exception(String name) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
		exception.setMessage("boom");
		assault.setException(exception);
		return assault;
	}

	private static class Site implements InjectionSite {

		@Override
		public @Nullable Throwable failure(Assault assault, EffectSpec effect) {
			return new IllegalStateException("Chaos assault '" + assault.name() + "': boom");
		}

		@Override
		public String target() {
			return "test";
		}

	}

}
