package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Validated, immutable chaos configuration: what {@code chaos.*} properties or a change
 * describe.
 *
 * @param enabled whether chaos is on
 * @param dryRun whether to count instead of inject
 * @param seed seed of the random generator, or {@code null}
 * @param duration how long chaos stays on after it was enabled, zero for no limit
 * @param guard the in-app safety stop
 * @param hypothesis the steady state the experiment verdict checks, or {@code null}
 * @param expect the expected class of each dependency the report verifies
 * @param assaults assaults by name, in declaration order
 * @author Chaos Starter team
 */
record ChaosSpec(boolean enabled, boolean dryRun, @Nullable Long seed, Duration duration, GuardSpec guard,
		@Nullable HypothesisSpec hypothesis, ExpectSpec expect, Map<String, AssaultSpec> assaults) {

	static final ChaosSpec OFF = new ChaosSpec(false, false, null, Duration.ZERO,
			new GuardSpec(1.0, Duration.ofSeconds(30)), Map.of());

	ChaosSpec {
		assaults = Collections.unmodifiableMap(new LinkedHashMap<>(assaults));
	}

	ChaosSpec(boolean enabled, boolean dryRun, @Nullable Long seed, Duration duration, GuardSpec guard,
			Map<String, AssaultSpec> assaults) {
		this(enabled, dryRun, seed, duration, guard, null, ExpectSpec.NONE, assaults);
	}

	ChaosSpec(boolean enabled, boolean dryRun, @Nullable Long seed, Duration duration, GuardSpec guard,
			@Nullable HypothesisSpec hypothesis, Map<String, AssaultSpec> assaults) {
		this(enabled, dryRun, seed, duration, guard, hypothesis, ExpectSpec.NONE, assaults);
	}

	ChaosSpec withEnabled(boolean enabled) {
		return new ChaosSpec(enabled, this.dryRun, this.seed, this.duration, this.guard, this.hypothesis, this.expect,
				this.assaults);
	}

	ChaosSpec withAssault(String name, @Nullable AssaultSpec assault) {
		Map<String, AssaultSpec> assaults = new LinkedHashMap<>(this.assaults);
		if (assault != null) {
			assaults.put(name, assault);
		}
		else {
			assaults.remove(name);
		}
		return new ChaosSpec(this.enabled, this.dryRun, this.seed, this.duration, this.guard, this.hypothesis,
				this.expect, assaults);
	}

	/**
	 * The steady state of the experiment verdict.
	 *
	 * @param paths path patterns of the requests that count, empty for all
	 * @param maxErrorRate largest share of 5xx responses, or {@code null}
	 * @param maxLatency largest p99 response time, or {@code null}
	 * @param baseline the window before chaos was switched on
	 * @param minRequests fewest requests per window for a verdict
	 */
	record HypothesisSpec(List<String> paths, @Nullable Double maxErrorRate, @Nullable Duration maxLatency,
			Duration baseline, int minRequests) {

		HypothesisSpec {
			paths = List.copyOf(paths);
		}

	}

	/**
	 * The expected class of each dependency.
	 *
	 * @param classes {@code critical}, {@code degradable} or {@code optional} by
	 * dependency name, in the order given
	 */
	record ExpectSpec(Map<String, String> classes) {

		static final ExpectSpec NONE = new ExpectSpec(Map.of());

		ExpectSpec {
			classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
		}

		@Nullable String expected(String dependency) {
			return this.classes.get(dependency);
		}

	}

	/**
	 * Safety stop settings.
	 *
	 * @param maxErrorRate share of 5xx responses above which chaos halts, 1.0 for off
	 * @param window window of the measurement
	 */
	record GuardSpec(double maxErrorRate, Duration window) {

		boolean active() {
			return this.maxErrorRate < 1.0;
		}

	}

}
