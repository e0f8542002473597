package io.github.chaosstarter.effect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Applies a fault to a call in the way its return type needs: a blocking call is delayed
 * on its thread and throws; a reactive or asynchronous call returns at once and carries
 * the delay and the error inside the value it returns, so that reactive operators,
 * Resilience4j's reactor support and time limiters see them.
 *
 * @author Chaos Starter team
 */
public final class Faults {

	private Faults() {
	}

	/**
	 * Run the call after a delay, or (for reactive and asynchronous methods) delay its
	 * result.
	 * @param kind how the method returns
	 * @param delayNanos the delay
	 * @param invocation the call
	 * @return the call's result
	 * @throws Throwable whatever the call throws
	 */
	public static @Nullable Object delay(ReturnKind kind, long delayNanos, MethodInvocation invocation)
			throws Throwable {
		switch (kind) {
			case MONO, FLUX -> {
				return ReactorFaults.delay(kind, delayNanos, invocation.proceed());
			}
			case COMPLETION_STAGE -> {
				Object result = invocation.proceed();
				return (result != null) ? delayed((CompletionStage<?>) result, delayNanos) : null;
			}
			default -> {
				sleep(delayNanos);
				return invocation.proceed();
			}
		}
	}

	/**
	 * Fail the call (after a delay, when one is given) without running it.
	 * @param kind how the method returns
	 * @param delayNanos the delay before the failure, zero for none
	 * @param failure the exception to throw or signal
	 * @return a failed {@code Mono}, {@code Flux} or future for reactive and asynchronous
	 * methods
	 * @throws Throwable the failure, for blocking methods
	 */
	public static Object fail(ReturnKind kind, long delayNanos, Throwable failure) throws Throwable {
		switch (kind) {
			case MONO, FLUX -> {
				return ReactorFaults.fail(kind, delayNanos, failure);
			}
			case COMPLETION_STAGE -> {
				CompletableFuture<Object> future = CompletableFuture.failedFuture(failure);
				return (delayNanos > 0) ? delayed(future, delayNanos) : future;
			}
			default -> {
				sleep(delayNanos);
				throw failure;
			}
		}
	}

	private static CompletableFuture<Object> delayed(CompletionStage<?> stage, long delayNanos) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		Executor later = CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS);
		later.execute(() -> stage.whenComplete((value, failure) -> {
			if (failure != null) {
				result.completeExceptionally(failure);
			}
			else {
				result.complete(value);
			}
		}));
		return result;
	}

	private static void sleep(long delayNanos) {
		if (delayNanos <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(delayNanos);
		}
		catch (InterruptedException ex) {
			// keep the interrupt for the application; the call goes on
			Thread.currentThread().interrupt();
		}
	}

}
