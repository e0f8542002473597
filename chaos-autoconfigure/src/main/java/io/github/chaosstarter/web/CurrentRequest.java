package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.RequestFacts;

/**
 * The request bound to the current thread by the starter's WebFlux filter while the
 * handler chain is subscribed, where no thread-bound request exists otherwise.
 *
 * @author Chaos Starter team
 */
final class CurrentRequest {

	private static final ThreadLocal<@Nullable RequestFacts> current = new ThreadLocal<>();

	private CurrentRequest() {
	}

	static @Nullable RequestFacts get() {
		return current.get();
	}

	static @Nullable RequestFacts set(@Nullable RequestFacts request) {
		RequestFacts previous = current.get();
		if (request == null) {
			current.remove();
		}
		else {
			current.set(request);
		}
		return previous;
	}

}
