package io.github.chaosstarter.runtime;

import java.time.Instant;

/**
 * A change of the chaos state.
 *
 * @param previous the state before
 * @param current the state after
 * @param actor who made it: a principal's name, {@code endpoint}, {@code api},
 * {@code auto-halt}, {@code guard} or {@code configuration}
 * @param description what changed, in words
 * @param at when
 * @author Chaos Starter team
 */
public record ChaosChange(ChaosState previous, ChaosState current, String actor, String description, Instant at) {

	/**
	 * Return whether this change switched chaos on.
	 * @return {@code true} when chaos went from off to on
	 */
	public boolean enabledChaos() {
		return !this.previous.spec().enabled() && this.current.spec().enabled();
	}

	/**
	 * Return whether this change switched chaos off.
	 * @return {@code true} when chaos went from on to off
	 */
	public boolean disabledChaos() {
		return this.previous.spec().enabled() && !this.current.spec().enabled();
	}

}
