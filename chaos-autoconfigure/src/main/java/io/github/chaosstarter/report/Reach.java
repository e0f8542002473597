package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One assault's injections into one bean method during an experiment, counted where they
 * land, with what they reach resolved once: the method's counts and the circuit breakers
 * guarding it. The recorder finds it again by identity (the engine hands it the same
 * method, class and assault name on every call through a proxy), so that counting an
 * injected call looks nothing up and takes one atomic increment. What the method and the
 * assault received is the sum over their reaches.
 *
 * @author Chaos Starter team
 */
final class Reach {

	final Method method;

	final Class<?> type;

	final String assault;

	final MethodStats stats;

	/** The circuit breakers guarding the method, which may ignore an injected failure. */
	final BreakerTrack[] breakers;

	/** Injections that carried a failure. */
	final AtomicLong failures = new AtomicLong();

	/** Injections that carried none (a delay only). */
	final AtomicLong others = new AtomicLong();

	Reach(Method method, Class<?> type, String assault, MethodStats stats, BreakerTrack[] breakers) {
		this.method = method;
		this.type = type;
		this.assault = assault;
		this.stats = stats;
		this.breakers = breakers;
	}

	boolean is(Method method, Class<?> type, String assault) {
		return this.method == method && this.type == type && this.assault == assault;
	}

	long injections() {
		return this.failures.get() + this.others.get();
	}

}
