package io.github.chaosstarter.engine;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link Strike#decide} applies assaults: a bean method, an inbound request or an
 * outbound call. It says which candidates match the call, how a terminal effect's
 * exception is made, and how the injection is described.
 *
 * @author Chaos Starter team
 */
interface InjectionSite {

	/**
	 * Return whether a candidate matches this very call: the conditions that depend on
	 * the running call, checked before the assault counts a match.
	 * @param index the candidate's index
	 * @param assault the candidate
	 * @param dispatch where the current request is found
	 * @return {@code true} when it matches
	 */
	boolean matches(int index, Assault assault, Dispatch dispatch);

	/**
	 * Return the exception that a terminal effect injects here.
	 * @param assault the assault
	 * @param effect its terminal effect (exception, error-response or kill)
	 * @return the exception, or {@code null} when the effect is applied without one
	 */
	@Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect);

	/**
	 * Describe what is attacked, e.g. {@code PaymentClient.charge} or
	 * {@code GET payments.example.com/charge}.
	 */
	String target();

	default @Nullable BeanInfo bean() {
		return null;
	}

	default @Nullable Method method() {
		return null;
	}

	/**
	 * Return the dependency this call reaches, by the name the target gives it.
	 * @return the dependency, or {@code null} for bean methods and inbound requests
	 */
	default ChaosListener.@Nullable Dependency dependency() {
		return null;
	}

}
