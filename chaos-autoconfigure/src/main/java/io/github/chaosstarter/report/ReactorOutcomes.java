package io.github.chaosstarter.report;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactor side of {@link ObservingFallbackExecutor}; loaded only when Reactor is present.
 *
 * @author Chaos Starter team
 */
final class ReactorOutcomes {

	private ReactorOutcomes() {
	}

	static boolean isReactive(@Nullable Object value) {
		return value instanceof Mono<?> || value instanceof Flux<?>;
	}

	static @Nullable Object watchPrimary(@Nullable Object value, ObservingFallbackExecutor.Outcome outcome) {
		if (value instanceof Mono<?> mono) {
			return mono.doOnError(outcome::failed);
		}
		if (value instanceof Flux<?> flux) {
			return flux.doOnError(outcome::failed);
		}
		return value;
	}

	static Object watchResult(Object value, ObservingFallbackExecutor.Outcome outcome) {
		if (value instanceof Mono<?> mono) {
			return mono.doOnSuccess((result) -> outcome.finished(true)).doOnError((failure) -> outcome.finished(false));
		}
		Flux<?> flux = (Flux<?>) value;
		return flux.doOnComplete(() -> outcome.finished(true)).doOnError((failure) -> outcome.finished(false));
	}

}
