package io.github.chaosstarter.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Validated, immutable chaos configuration: what {@code chaos.*} properties or a posted
 * change describe. Derived states are made with the {@code with*} methods.
 *
 * @param enabled whether chaos is on
 * @param dryRun whether to count instead of inject
 * @param seed seed of the random generator, or {@code null}
 * @param duration how long chaos stays on after it was enabled, zero for no limit
 * @param guard the in-app safety stop
 * @param assaults assaults by name, in declaration order
 * @author Chaos Starter team
 */
public record ChaosSpec(boolean enabled, boolean dryRun, @Nullable Long seed, Duration duration, GuardSpec guard,
		Map<String, AssaultSpec> assaults) {

	/**
	 * Create a new instance.
	 */
	public ChaosSpec {
		assaults = Collections.unmodifiableMap(new LinkedHashMap<>(assaults));
	}

	/**
	 * Return a copy with the given switch.
	 * @param enabled whether chaos is on
	 * @return the copy
	 */
	public ChaosSpec withEnabled(boolean enabled) {
		return new ChaosSpec(enabled, this.dryRun, this.seed, this.duration, this.guard, this.assaults);
	}

	/**
	 * Return a copy with the given assaults.
	 * @param assaults the assaults by name
	 * @return the copy
	 */
	public ChaosSpec withAssaults(Map<String, AssaultSpec> assaults) {
		return new ChaosSpec(this.enabled, this.dryRun, this.seed, this.duration, this.guard, assaults);
	}

	/**
	 * Safety stop settings.
	 *
	 * @param maxErrorRate share of 5xx responses above which chaos halts, 1.0 for off
	 * @param window window of the measurement
	 */
	public record GuardSpec(double maxErrorRate, Duration window) {

		/**
		 * Return whether the guard is active.
		 * @return {@code true} when a rate below 1.0 is set
		 */
		public boolean active() {
			return this.maxErrorRate < 1.0;
		}

	}

}
