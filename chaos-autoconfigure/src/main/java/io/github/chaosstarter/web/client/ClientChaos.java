package io.github.chaosstarter.web.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.InjectionSite;
import io.github.chaosstarter.runtime.Strike;

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
	@Nullable Strike decide(String method, URI uri) {
		ChaosState state = this.holder.current();
		if (!state.clientChaos()) {
			return null;
		}
		Plan current = plan(state);
		return Strike.decide(state, current.assaults, new CallSite(current, method, uri), this.holder.runtime());
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

	private record Plan(long version, Assault[] assaults, ClientMatcher[] matchers) {
	}

	/**
	 * One outbound call.
	 */
	private record CallSite(Plan plan, String httpMethod, URI uri) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault) {
			return this.plan.matchers[index].matches(this.httpMethod, this.uri);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, EffectSpec effect) {
			return (effect instanceof ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.httpMethod + " " + this.uri.getHost() + this.uri.getRawPath();
		}

	}

}
