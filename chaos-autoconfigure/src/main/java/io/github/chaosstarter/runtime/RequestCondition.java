package io.github.chaosstarter.runtime;

/**
 * A condition on the call's context (the inbound HTTP request, the authenticated user)
 * that can only be checked while the call runs. Evaluated on the calling thread; must be
 * cheap and must not throw.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
public interface RequestCondition {

	/**
	 * A condition that never holds: used where request conditions cannot be evaluated.
	 */
	RequestCondition NEVER = () -> false;

	/**
	 * Return whether the current call satisfies the condition.
	 * @return {@code true} when it holds
	 */
	boolean matches();

}
