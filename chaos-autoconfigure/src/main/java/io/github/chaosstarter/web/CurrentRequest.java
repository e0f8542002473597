package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

/**
 * The request view bound to the current thread by the starter's filters: for the filter's
 * own evaluation of request-only assaults (both stacks), and for WebFlux while the
 * handler chain is subscribed, where no thread-bound request exists otherwise.
 *
 * @author Chaos Starter team
 */
final class CurrentRequest {

	private static final ThreadLocal<@Nullable RequestView> current = new ThreadLocal<>();

	private CurrentRequest() {
	}

	static @Nullable RequestView get() {
		return current.get();
	}

	static @Nullable RequestView set(@Nullable RequestView view) {
		RequestView previous = current.get();
		if (view == null) {
			current.remove();
		}
		else {
			current.set(view);
		}
		return previous;
	}

}
