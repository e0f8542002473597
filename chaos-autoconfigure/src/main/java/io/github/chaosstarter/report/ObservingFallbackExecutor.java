package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.spring6.fallback.FallbackExecutor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.RequestLedger;

/**
 * Wraps the application's Resilience4j {@link FallbackExecutor}, through which every
 * Resilience4j aspect runs its fallback, to see the outcome of each guarded call: when
 * the primary call failed (with an injected fault, or was refused by an open breaker or
 * timed out while chaos is on) and a normal value came out, the named fallback method
 * served it. Blocking, {@code CompletionStage} and Reactor return values. The delegate
 * does all the work; nothing of it is copied.
 *
 * @author Chaos Starter team
 */
class ObservingFallbackExecutor extends FallbackExecutor {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ObservingFallbackExecutor.class.getClassLoader());

	private final FallbackExecutor delegate;

	private final ObjectProvider<ResilienceEvents> recorderProvider;

	private volatile @Nullable ResilienceEvents recorder;

	private volatile boolean resolved;

	@SuppressWarnings("NullAway")
	ObservingFallbackExecutor(FallbackExecutor delegate, ObjectProvider<ResilienceEvents> recorder) {
		super(null, null);
		this.delegate = delegate;
		this.recorderProvider = recorder;
	}

	/**
	 * Resolve the recorder once: a bean look-up per guarded call would cost even while
	 * chaos is off.
	 */
	private @Nullable ResilienceEvents recorder() {
		if (!this.resolved) {
			this.recorder = this.recorderProvider.getIfAvailable();
			this.resolved = true;
		}
		return this.recorder;
	}

	@Override
	public Object execute(ProceedingJoinPoint proceedingJoinPoint, Method method, String fallbackMethodValue,
			CheckedSupplier<Object> primaryFunction) throws Throwable {
		ResilienceEvents recorder = recorder();
		if (recorder == null || fallbackMethodValue == null || fallbackMethodValue.isEmpty() || !recorder.active()) {
			return this.delegate.execute(proceedingJoinPoint, method, fallbackMethodValue, primaryFunction);
		}
		Outcome outcome = new Outcome(recorder, guardedName(proceedingJoinPoint, method), fallbackMethodValue);
		Object result;
		try {
			result = this.delegate.execute(proceedingJoinPoint, method, fallbackMethodValue, () -> {
				try {
					return outcome.watchPrimary(primaryFunction.get());
				}
				catch (Throwable ex) {
					outcome.failed(ex);
					throw ex;
				}
			});
		}
		catch (Throwable ex) {
			outcome.finished(false);
			throw ex;
		}
		return outcome.watchResult(result);
	}

	private static String guardedName(ProceedingJoinPoint joinPoint, Method method) {
		Object target = joinPoint.getTarget();
		Class<?> type = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
		return Guards.shortName(type, method);
	}

	/**
	 * What happened to one guarded call.
	 */
	static final class Outcome {

		private final ResilienceEvents recorder;

		private final String method;

		private final String fallbackMethod;

		private volatile @Nullable Throwable primaryFailure;

		private volatile boolean reported;

		private final @Nullable RequestLedger ledger = RequestLedger.current();

		private final int mark = (this.ledger != null) ? this.ledger.mark() : 0;

		Outcome(ResilienceEvents recorder, String method, String fallbackMethod) {
			this.recorder = recorder;
			this.method = method;
			this.fallbackMethod = fallbackMethod;
		}

		@Nullable Object watchPrimary(@Nullable Object value) {
			if (value instanceof CompletionStage<?> stage) {
				stage.whenComplete((result, failure) -> {
					if (failure != null) {
						failed(failure);
					}
				});
				return value;
			}
			if (REACTOR_PRESENT) {
				return ReactorOutcomes.watchPrimary(value, this);
			}
			return value;
		}

		@Nullable Object watchResult(@Nullable Object value) {
			if (value instanceof CompletionStage<?> stage) {
				stage.whenComplete((result, failure) -> finished(failure == null));
				return value;
			}
			if (REACTOR_PRESENT && ReactorOutcomes.isReactive(value)) {
				return ReactorOutcomes.watchResult(value, this);
			}
			finished(true);
			return value;
		}

		/**
		 * The primary call failed: decided now, on the thread that signals it, whether an
		 * injected fault caused it.
		 */
		void failed(Throwable failure) {
			Throwable unwrapped = unwrap(failure);
			try {
				if (this.primaryFailure == null && this.recorder.injected(unwrapped)) {
					this.primaryFailure = unwrapped;
				}
			}
			catch (RuntimeException ex) {
				// observation must never change the application's outcome
			}
		}

		void finished(boolean served) {
			Throwable failure = this.primaryFailure;
			if (failure == null || this.reported) {
				return;
			}
			this.reported = true;
			if (served && this.ledger != null) {
				// what the guarded call reached was degraded, not failed
				this.ledger.fallbackServed(this.mark);
			}
			try {
				this.recorder.fallbackOutcome(this.method, this.fallbackMethod, failure, served);
			}
			catch (RuntimeException ex) {
				// observation must never change the application's outcome
			}
		}

		private static Throwable unwrap(Throwable failure) {
			Throwable current = failure;
			while ((current instanceof CompletionException || current instanceof ExecutionException)
					&& current.getCause() != null) {
				current = current.getCause();
			}
			return current;
		}

	}

}
