package io.github.chaosstarter.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;
import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.Injection;

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
	@Nullable Decision decide(ChaosState state, RequestView request) {
		boolean dryRun = state.spec().dryRun();
		long delayNanos = 0;
		Assault terminal = null;
		Throwable failure = null;
		RequestView previous = CurrentRequest.set(request);
		try {
			for (Assault assault : state.beanAssaults()) {
				TargetSpec target = assault.spec().target();
				if (!target.hasRequestConditions() || target.hasBeanConditions()) {
					continue;
				}
				EffectSpec effect = assault.spec().effect();
				boolean latency = effect instanceof LatencySpec;
				if (terminal != null && !latency) {
					continue;
				}
				if (!assault.select(state.random(), dryRun)) {
					continue;
				}
				if (effect instanceof LatencySpec spec) {
					long delay = state.random().nextLong(spec.min().toNanos(), spec.max().toNanos());
					delayNanos += delay;
					fire(assault, effect, request, null, delay, dryRun);
					continue;
				}
				terminal = assault;
				if (effect instanceof ExceptionSpec exception) {
					failure = ExceptionFactory.create(assault.name(), exception, null, true);
				}
				fire(assault, effect, request, failure, 0, dryRun);
			}
		}
		finally {
			CurrentRequest.set(previous);
		}
		if (dryRun || (terminal == null && delayNanos == 0)) {
			return null;
		}
		return new Decision(delayNanos, terminal, failure);
	}

	void kill(Assault assault, KillSpec kill) {
		ChaosRuntime runtime = this.holder.runtime();
		if (runtime != null) {
			runtime.kill(assault.name(), kill);
		}
	}

	private void fire(Assault assault, EffectSpec effect, RequestView request, @Nullable Throwable failure,
			long delayNanos, boolean dryRun) {
		ChaosRuntime runtime = this.holder.runtime();
		if (runtime != null) {
			runtime.fireInjection(
					new Injection(assault.name(), effect.kind(), null, null, request.method() + " " + request.path(),
							failure, delayNanos, dryRun, Instant.now(runtime.clock())));
		}
	}

	/**
	 * What to do with one request: wait, then fail, answer with an error, kill, or
	 * proceed.
	 *
	 * @param delayNanos total injected delay
	 * @param terminal the assault with a terminal effect, if any
	 * @param failure the exception of an exception effect
	 */
	record Decision(long delayNanos, @Nullable Assault terminal, @Nullable Throwable failure) {

		@Nullable ChaosProblem problem() {
			if (this.terminal != null && this.terminal.spec().effect() instanceof ErrorResponseSpec response) {
				return new ChaosProblem(this.terminal.name(), response.status(), response.retryAfter());
			}
			return null;
		}

		@Nullable KillSpec kill() {
			if (this.terminal != null && this.terminal.spec().effect() instanceof KillSpec kill) {
				return kill;
			}
			return null;
		}

	}

}
