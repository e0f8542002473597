package io.github.chaosstarter.runtime;

/**
 * Told of every change of the chaos state, after the new state is in place.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
public interface ChaosChangeListener {

	/**
	 * Called after each change.
	 * @param change the change
	 */
	void onChange(ChaosChange change);

}
