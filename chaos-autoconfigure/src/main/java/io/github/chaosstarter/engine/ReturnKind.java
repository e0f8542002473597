package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.util.ClassUtils;

/**
 * How a method delivers its result, and so where a fault must go: thrown on the calling
 * thread, or signalled inside the returned {@code Mono}, {@code Flux} or future.
 *
 * @author Chaos Starter team
 */
enum ReturnKind {

	/** A plain value (or {@code void}): faults are thrown and delays block the caller. */
	BLOCKING,

	/** A Reactor {@code Mono}. */
	MONO,

	/** A Reactor {@code Flux}. */
	FLUX,

	/** A {@code CompletionStage} or {@code CompletableFuture}. */
	COMPLETION_STAGE;

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReturnKind.class.getClassLoader());

	/**
	 * Return the kind of the method's return type.
	 * @param method the method
	 * @return the kind
	 */
	static ReturnKind of(Method method) {
		Class<?> type = method.getReturnType();
		if (REACTOR_PRESENT) {
			ReturnKind reactive = ReactorFaults.kindOf(type);
			if (reactive != null) {
				return reactive;
			}
		}
		if (type == CompletionStage.class || type == CompletableFuture.class) {
			return COMPLETION_STAGE;
		}
		return BLOCKING;
	}

}
