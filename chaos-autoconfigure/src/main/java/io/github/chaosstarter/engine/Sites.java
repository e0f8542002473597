package io.github.chaosstarter.engine;

import java.net.ConnectException;
import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The injection sites of inbound requests and outbound calls; bean methods have theirs in
 * {@link ChaosInterceptor}.
 *
 * @author Chaos Starter team
 */
final class Sites {

	private Sites() {
	}

	/**
	 * One inbound request, for the request-only assaults.
	 */
	record Request(RequestFacts request) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesRequest(this.request);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.request.method() + " " + this.request.path();
		}

	}

	/**
	 * One outbound call.
	 */
	record Client(String httpMethod, URI uri) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesClient(this.httpMethod, this.uri);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			if (effect instanceof AssaultSpec.UnavailableSpec) {
				// as a refused connection: the clients wrap it as they wrap a real one
				return new ConnectException("Connection refused");
			}
			return (effect instanceof AssaultSpec.ExceptionSpec exception)
					? ExceptionFactory.create(assault.name(), exception, null, true) : null;
		}

		@Override
		public String target() {
			return this.httpMethod + " " + this.uri.getHost() + this.uri.getRawPath();
		}

	}

}
