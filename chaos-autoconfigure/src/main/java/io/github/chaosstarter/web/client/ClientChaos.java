package io.github.chaosstarter.web.client;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.Injection;
import io.github.chaosstarter.web.ChaosProblem;

/**
 * Decides which client assaults hit one outbound call, independent of the HTTP client.
 * While no client assault is active it costs one volatile read; matchers are compiled
 * once per state version.
 *
 * @author Chaos Starter team
 */
final class ClientChaos {

	private final ChaosStateHolder holder;

	private volatile Plan plan = new Plan(-1, new Assault[0], new ClientMatcher[0]);

	ClientChaos(ChaosStateHolder holder) {
		this.holder = holder;
	}

	/**
	 * Decide for one outbound call.
	 * @param method the upper-case HTTP method
	 * @param uri the URI
	 * @return the decision, or {@code null} when the call proceeds untouched
	 */
	@Nullable Decision decide(String method, URI uri) {
		ChaosState state = this.holder.current();
		if (!state.clientChaos()) {
			return null;
		}
		Plan current = plan(state);
		boolean dryRun = state.spec().dryRun();
		long delayNanos = 0;
		Throwable failure = null;
		ChaosProblem problem = null;
		String target = null;
		for (int i = 0; i < current.assaults.length; i++) {
			Assault assault = current.assaults[i];
			EffectSpec effect = assault.spec().effect();
			boolean latency = effect instanceof LatencySpec;
			if ((failure != null || problem != null) && !latency) {
				continue;
			}
			if (!current.matchers[i].matches(method, uri) || !assault.select(state.random(), dryRun)) {
				continue;
			}
			target = (target != null) ? target : method + " " + uri.getHost() + uri.getRawPath();
			long delay = 0;
			Throwable injected = null;
			if (effect instanceof LatencySpec spec) {
				delay = state.random().nextLong(spec.min().toNanos(), spec.max().toNanos());
				delayNanos += delay;
			}
			else if (effect instanceof ExceptionSpec spec) {
				injected = ExceptionFactory.create(assault.name(), spec, null, true);
				failure = injected;
			}
			else if (effect instanceof ErrorResponseSpec spec) {
				problem = new ChaosProblem(assault.name(), spec.status(), spec.retryAfter());
			}
			fire(assault, effect, target, injected, delay, dryRun);
		}
		if (dryRun || (delayNanos == 0 && failure == null && problem == null)) {
			return null;
		}
		return new Decision(delayNanos, failure, problem);
	}

	private Plan plan(ChaosState state) {
		Plan current = this.plan;
		if (current.version != state.version()) {
			Assault[] assaults = state.clientAssaults();
			ClientMatcher[] matchers = new ClientMatcher[assaults.length];
			for (int i = 0; i < assaults.length; i++) {
				matchers[i] = new ClientMatcher(assaults[i].spec().target().client());
			}
			current = new Plan(state.version(), assaults, matchers);
			this.plan = current;
		}
		return current;
	}

	private void fire(Assault assault, EffectSpec effect, String target, @Nullable Throwable failure, long delayNanos,
			boolean dryRun) {
		ChaosRuntime runtime = this.holder.runtime();
		if (runtime != null) {
			runtime.fireInjection(new Injection(assault.name(), effect.kind(), null, null, target, failure, delayNanos,
					dryRun, Instant.now(runtime.clock())));
		}
	}

	private record Plan(long version, Assault[] assaults, ClientMatcher[] matchers) {
	}

	/**
	 * What happens to one outbound call: wait, then fail, answer without sending, or
	 * send.
	 *
	 * @param delayNanos the injected delay
	 * @param failure the injected exception, if any
	 * @param problem the synthetic error response, if any
	 */
	record Decision(long delayNanos, @Nullable Throwable failure, @Nullable ChaosProblem problem) {
	}

}
