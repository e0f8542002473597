package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
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

	static Object deferred(ReturnKind kind, Supplier<@Nullable Strike> decide, Faults.Once real) {
		if (kind == ReturnKind.MONO) {
			return Mono.defer(() -> Mono.from(subscription(decide.get(), real)));
		}
		return Flux.defer(() -> subscription(decide.get(), real));
	}

	private static Publisher<?> subscription(@Nullable Strike strike, Faults.Once real) {
		if (strike == null) {
			return own(real);
		}
		strike.kill();
		Throwable failure = strike.failure();
		Publisher<?> outcome = (failure != null) ? Mono.error(failure) : own(real);
		if (strike.delayNanos() <= 0) {
			return outcome;
		}
		return Mono.delay(Duration.ofNanos(strike.delayNanos())).doOnCancel(strike::delayCancelled).thenMany(outcome);
	}

	private static Publisher<?> own(Faults.Once real) {
		try {
			Object publisher = real.get();
			return (publisher instanceof Publisher<?> own) ? own : Mono.empty();
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

	/**
	 * Delay the subscription to a publisher by injected latency, telling the strike when
	 * the delay is cancelled.
	 * @param publisher what to run after the delay
	 * @param strike the strike
	 * @return the delayed publisher
	 */
	static Mono<Void> delayed(Mono<Void> publisher, Strike strike) {
		return Mono.delay(Duration.ofNanos(strike.delayNanos())).doOnCancel(strike::delayCancelled).then(publisher);
	}

}
