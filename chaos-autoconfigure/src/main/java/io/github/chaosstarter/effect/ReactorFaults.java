package io.github.chaosstarter.effect;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactor side of {@link Faults}; only loaded when Reactor is on the class path.
 *
 * @author Chaos Starter team
 */
final class ReactorFaults {

	private ReactorFaults() {
	}

	static @Nullable ReturnKind kindOf(Class<?> type) {
		if (Mono.class.isAssignableFrom(type)) {
			return ReturnKind.MONO;
		}
		if (Flux.class.isAssignableFrom(type)) {
			return ReturnKind.FLUX;
		}
		return null;
	}

	static @Nullable Object delay(ReturnKind kind, long delayNanos, @Nullable Object result) {
		Duration delay = Duration.ofNanos(delayNanos);
		if (result instanceof Mono<?> mono) {
			return mono.delaySubscription(delay);
		}
		if (result instanceof Flux<?> flux) {
			return flux.delaySubscription(delay);
		}
		return result;
	}

	static Object fail(ReturnKind kind, long delayNanos, Throwable failure) {
		if (kind == ReturnKind.MONO) {
			Mono<Object> error = Mono.error(failure);
			return (delayNanos > 0) ? error.delaySubscription(Duration.ofNanos(delayNanos)) : error;
		}
		Flux<Object> error = Flux.error(failure);
		return (delayNanos > 0) ? error.delaySubscription(Duration.ofNanos(delayNanos)) : error;
	}

}
