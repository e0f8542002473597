package io.github.chaosstarter.runtime;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.target.BeanInfo;

/**
 * Where {@link Strike#decide} applies assaults: a bean method, an inbound request or an
 * outbound call. It says which candidates match the call, how a terminal effect's
 * exception is made, and how the injection is described.
 *
 * @author Chaos Starter team
 */
public interface InjectionSite {

	/**
	 * Return whether a candidate assault matches this call beyond what the candidates
	 * were chosen for. Called before the assault counts a match.
	 * @param index the candidate's index
	 * @param assault the candidate
	 * @return {@code true} by default
	 */
	default boolean matches(int index, Assault assault) {
		return true;
	}

	/**
	 * Return the exception that a terminal effect injects here.
	 * @param assault the assault
	 * @param effect its terminal effect (exception, error-response or kill)
	 * @return the exception, or {@code null} when the effect is applied without one
	 */
	@Nullable Throwable failure(Assault assault, EffectSpec effect);

	/**
	 * Describe what is attacked, for the {@link Injection}.
	 * @return e.g. {@code PaymentClient.charge} or
	 * {@code GET payments.example.com/charge}
	 */
	String target();

	/**
	 * Return the attacked bean.
	 * @return the bean, or {@code null} for requests and outbound calls
	 */
	default @Nullable BeanInfo bean() {
		return null;
	}

	/**
	 * Return the attacked method.
	 * @return the method, or {@code null} for requests and outbound calls
	 */
	default @Nullable Method method() {
		return null;
	}

}
