package io.github.chaosstarter.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Applies a strike to a call in the way its return type needs: a blocking call is delayed
 * on its thread and throws; an asynchronous call returns at once and carries the delay
 * and the error inside the future it returns; a reactive call is decided anew for every
 * subscription, so that a retry that subscribes again meets a new decision, and carries
 * the delay and the error inside the publisher. Delays that a time limiter cuts short
 * tell {@link InjectedFaults} on the thread that signals the timeout.
 *
 * @author Chaos Starter team
 */
final class Faults {

	private Faults() {
	}

	/**
	 * Apply a strike to a blocking call.
	 */
	static @Nullable Object blocking(Strike strike, MethodInvocation invocation) throws Throwable {
		sleep(strike.delayNanos());
		strike.kill();
		Throwable failure = strike.failure();
		if (failure != null) {
			throw failure;
		}
		return invocation.proceed();
	}

	/**
	 * Apply a strike to a call returning a {@link CompletionStage}: the method runs only
	 * when no failure is injected.
	 */
	static @Nullable Object completionStage(Strike strike, MethodInvocation invocation) throws Throwable {
		strike.kill();
		Throwable failure = strike.failure();
		if (failure != null) {
			return (strike.delayNanos() > 0) ? delayed(CompletableFuture.failedFuture(failure), strike)
					: CompletableFuture.failedFuture(failure);
		}
		Object result = invocation.proceed();
		return (result != null && strike.delayNanos() > 0) ? delayed((CompletionStage<?>) result, strike) : result;
	}

	/**
	 * Return a publisher that decides at each subscription.
	 * @param kind {@code MONO} or {@code FLUX}
	 * @param decide decides for one subscription
	 * @param invocation the call, proceeded at most once, when a subscription first needs
	 * the method's own publisher
	 */
	static Object reactive(ReturnKind kind, Supplier<@Nullable Strike> decide, MethodInvocation invocation) {
		return ReactorFaults.deferred(kind, decide, new Once(invocation));
	}

	private static CompletableFuture<Object> delayed(CompletionStage<?> stage, Strike strike) {
		DelayedFuture result = new DelayedFuture(strike);
		CompletableFuture.delayedExecutor(strike.delayNanos(), TimeUnit.NANOSECONDS).execute(() -> {
			result.delayed();
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(value);
				}
			});
		});
		return result;
	}

	static void sleep(long delayNanos) {
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

	/**
	 * The method's own publisher, obtained once, when first needed.
	 */
	static final class Once {

		private final MethodInvocation invocation;

		private volatile @Nullable Object result;

		private volatile boolean done;

		Once(MethodInvocation invocation) {
			this.invocation = invocation;
		}

		@Nullable Object get() throws Throwable {
			if (!this.done) {
				synchronized (this) {
					if (!this.done) {
						this.result = this.invocation.proceed();
						this.done = true;
					}
				}
			}
			return this.result;
		}

	}

	/**
	 * A future that carries an injected delay. When whoever holds it (a time limiter)
	 * completes it with a {@link TimeoutException} while the delay still runs, the
	 * timeout is marked as injected before anyone else sees it.
	 */
	static final class DelayedFuture extends CompletableFuture<Object> {

		private final Strike strike;

		private volatile boolean delaying = true;

		DelayedFuture(Strike strike) {
			this.strike = strike;
		}

		void delayed() {
			this.delaying = false;
		}

		@Override
		public boolean completeExceptionally(Throwable failure) {
			ChaosListener.Injection injection = this.strike.delayInjection();
			if (this.delaying && failure instanceof TimeoutException timeout && injection != null && !isDone()) {
				this.delaying = false;
				this.strike.dispatch().cancelled(injection);
				return InjectedFaults.completeWithTimeout(injection, timeout, super::completeExceptionally);
			}
			return super.completeExceptionally(failure);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			if (this.delaying && !isDone()) {
				this.delaying = false;
				this.strike.dispatch().cancelled(this.strike.delayInjection());
			}
			return super.cancel(mayInterruptIfRunning);
		}

	}

}
