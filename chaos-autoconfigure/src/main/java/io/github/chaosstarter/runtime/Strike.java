package io.github.chaosstarter.runtime;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;

/**
 * What the assaults do to one call, and the one rule that decides it for bean methods,
 * inbound requests and outbound calls alike: each matching assault is drawn in
 * declaration order; latencies add up; the first exception, error-response or kill effect
 * decides the outcome and later ones are not drawn; every hit is reported as an
 * {@link Injection}; in dry-run mode hits are counted and reported but nothing is
 * applied.
 *
 * @param delayNanos the total delay to inject
 * @param terminal the assault whose exception, error-response or kill effect applies, if
 * any
 * @param failure the exception that {@code terminal} injects, if any
 * @author Chaos Starter team
 */
public record Strike(long delayNanos, @Nullable Assault terminal, @Nullable Throwable failure) {

	/**
	 * Decide for one call.
	 * @param state the state, read once for the call
	 * @param candidates the assaults that may select the call
	 * @param site where the call happens
	 * @param runtime the runtime to report injections to, if it exists yet
	 * @return what to apply, or {@code null} when the call proceeds untouched
	 */
	public static @Nullable Strike decide(ChaosState state, Assault[] candidates, InjectionSite site,
			@Nullable ChaosRuntime runtime) {
		boolean dryRun = state.spec().dryRun();
		ChaosRandom random = state.random();
		long delayNanos = 0;
		Assault terminal = null;
		Throwable failure = null;
		for (int i = 0; i < candidates.length; i++) {
			Assault assault = candidates[i];
			EffectSpec effect = assault.spec().effect();
			boolean latency = effect instanceof LatencySpec;
			if ((terminal != null && !latency) || !site.matches(i, assault) || !assault.select(random, dryRun)) {
				continue;
			}
			if (effect instanceof LatencySpec spec) {
				long delay = random.nextLong(spec.min().toNanos(), spec.max().toNanos());
				delayNanos += delay;
				report(runtime, assault, effect, site, null, delay, dryRun);
				continue;
			}
			terminal = assault;
			failure = site.failure(assault, effect);
			report(runtime, assault, effect, site, failure, 0, dryRun);
		}
		if (dryRun || (terminal == null && delayNanos == 0)) {
			return null;
		}
		return new Strike(delayNanos, terminal, failure);
	}

	private static void report(@Nullable ChaosRuntime runtime, Assault assault, EffectSpec effect, InjectionSite site,
			@Nullable Throwable failure, long delayNanos, boolean dryRun) {
		if (runtime != null) {
			runtime.fireInjection(new Injection(assault.name(), effect.kind(), site.bean(), site.method(),
					site.target(), failure, delayNanos, dryRun, Instant.now(runtime.clock())));
		}
	}

	/**
	 * Return the error-response effect that applies.
	 * @return the effect, or {@code null}
	 */
	public @Nullable ErrorResponseSpec errorResponse() {
		return (this.terminal != null && this.terminal.spec().effect() instanceof ErrorResponseSpec response) ? response
				: null;
	}

	/**
	 * Return the kill effect that applies.
	 * @return the effect, or {@code null}
	 */
	public @Nullable KillSpec kill() {
		return (this.terminal != null && this.terminal.spec().effect() instanceof KillSpec kill) ? kill : null;
	}

}
