package io.github.chaosstarter.engine;

/**
 * Holds the current {@link ChaosState}. Advised calls read it with one volatile read;
 * only {@link ChaosRuntime} writes it. A dependency-free object of its own so that the
 * advice can be created by the earliest bean post-processors, before configuration
 * properties are bound.
 *
 * @author Chaos Starter team
 */
final class ChaosStateHolder {

	private volatile ChaosState state = ChaosState.OFF;

	ChaosState current() {
		return this.state;
	}

	void set(ChaosState state) {
		this.state = state;
	}

}
