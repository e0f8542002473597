package io.github.chaosstarter.runtime;

/**
 * Told of every injection, on the calling thread. Beans of this type are picked up by the
 * auto-configuration. Implementations must be cheap and must not throw.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
public interface InjectionListener {

	/**
	 * Called for each injection.
	 * @param injection what was injected
	 */
	void onInjection(Injection injection);

}
