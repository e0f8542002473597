package io.github.chaosstarter.runtime;

import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link ChaosState}. Advised calls read it with one volatile read;
 * only {@link ChaosRuntime} writes it. A separate, dependency-free object so that the
 * advice can be created with the earliest bean post-processors, before configuration
 * properties are bound.
 *
 * @author Chaos Starter team
 */
public final class ChaosStateHolder {

	private volatile ChaosState state = ChaosState.OFF;

	private volatile @Nullable ChaosRuntime runtime;

	/**
	 * Return the current state.
	 * @return the state
	 */
	public ChaosState current() {
		return this.state;
	}

	void set(ChaosState state) {
		this.state = state;
	}

	/**
	 * Return the runtime that owns this holder, to report injections to.
	 * @return the runtime, or {@code null} before it is created
	 */
	public @Nullable ChaosRuntime runtime() {
		return this.runtime;
	}

	void bind(ChaosRuntime runtime) {
		this.runtime = runtime;
	}

}
