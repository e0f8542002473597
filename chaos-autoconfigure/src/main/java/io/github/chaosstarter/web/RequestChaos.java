package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.InjectionSite;
import io.github.chaosstarter.runtime.Strike;

/**
 * Decides which request-only assaults hit one inbound request, independent of the web
 * stack. The filters of each stack apply the decision.
 *
 * @author Chaos Starter team
 */
final class RequestChaos {

	private final ChaosStateHolder holder;

	RequestChaos(ChaosStateHolder holder) {
		this.holder = holder;
	}

	ChaosStateHolder holder() {
		return this.holder;
	}

	/**
	 * Evaluate the request-only assaults of the state for one request.
	 * @param state the state read once for the request
	 * @param request the request as the filter sees it
	 * @return the decision, or {@code null} when nothing is to be applied
	 */
	@Nullable Strike decide(ChaosState state, RequestView request) {
		RequestView previous = CurrentRequest.set(request);
		try {
			return Strike.decide(state, state.beanAssaults(), new RequestSite(request), this.holder.runtime());
		}
		finally {
			CurrentRequest.set(previous);
		}
	}

	void kill(Assault assault, KillSpec kill) {
		ChaosRuntime runtime = this.holder.runtime();
		if (runtime != null) {
			runtime.kill(assault.name(), kill);
		}
	}

	/**
	 * One inbound request: only request-only assaults (request conditions, no bean
	 * conditions) apply here; bean calls made while serving it see the others.
	 */
	private record RequestSite(RequestView request) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault) {
			TargetSpec target = assault.spec().target();
			return target.hasRequestConditions() && !target.hasBeanConditions();
		}

		@Override
		public @Nullable Throwable failure(Assault assault, EffectSpec effect) {
			return (effect instanceof ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.request.method() + " " + this.request.path();
		}

	}

}
