package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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

	/** How many guarded methods keep their name. */
	private static final int MAX_NAMES = 10_000;

	private final Map<Method, Named> names = new ConcurrentHashMap<>();

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
		Outcome outcome = Outcome.start(recorder, guardedName(proceedingJoinPoint, method), fallbackMethodValue,
				primaryFunction);
		try {
			Object result;
			try {
				result = this.delegate.execute(proceedingJoinPoint, method, fallbackMethodValue, outcome);
			}
			catch (Throwable ex) {
				outcome.finished(false);
				throw ex;
			}
			return outcome.watchResult(result);
		}
		finally {
			outcome.release();
		}
	}

	/**
	 * Name the guarded method as the report does, once per method: naming it reads the
	 * class's methods (for overloads), which allocates.
	 */
	private String guardedName(ProceedingJoinPoint joinPoint, Method method) {
		Object target = joinPoint.getTarget();
		Class<?> type = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
		Named named = this.names.get(method);
		if (named == null || named.type() != type) {
			named = new Named(type, Guards.shortName(type, method));
			if (this.names.size() < MAX_NAMES) {
				this.names.put(method, named);
			}
		}
		return named.name();
	}

	private record Named(Class<?> type, String name) {
	}

	/**
	 * What happened to one guarded call, and its primary call for the fallback executor
	 * to make. One per thread is used again and again while the calls are blocking; one
	 * that a returned {@code CompletionStage}, {@code Mono} or {@code Flux} goes on
	 * watching is left to it, and the thread makes a new one.
	 */
	static final class Outcome implements CheckedSupplier<Object> {

		private static final ThreadLocal<@Nullable Outcome> IDLE = new ThreadLocal<>();

		private @Nullable ResilienceEvents recorder;

		private @Nullable CheckedSupplier<Object> primary;

		private String method = "";

		private String fallbackMethod = "";

		private volatile @Nullable Throwable primaryFailure;

		private volatile boolean reported;

		private @Nullable RequestLedger ledger;

		private int mark;

		/** Whether an asynchronous result holds this outcome. */
		private boolean watched;

		/**
		 * Start watching a guarded call: with this thread's idle outcome, or a new one
		 * when it has none (the first call, a guarded call inside another).
		 */
		static Outcome start(ResilienceEvents recorder, String method, String fallbackMethod,
				CheckedSupplier<Object> primary) {
			Outcome outcome = IDLE.get();
			if (outcome != null) {
				IDLE.set(null);
			}
			else {
				outcome = new Outcome();
			}
			outcome.recorder = recorder;
			outcome.primary = primary;
			outcome.method = method;
			outcome.fallbackMethod = fallbackMethod;
			outcome.primaryFailure = null;
			outcome.reported = false;
			outcome.ledger = RequestLedger.current();
			outcome.mark = (outcome.ledger != null) ? outcome.ledger.mark() : 0;
			outcome.watched = false;
			return outcome;
		}

		/** The call returned: idle again, unless an asynchronous result holds it. */
		void release() {
			if (!this.watched) {
				// nothing of the call stays reachable from an idle thread
				this.recorder = null;
				this.primary = null;
				this.ledger = null;
				if (this.primaryFailure != null) {
					this.primaryFailure = null;
				}
				IDLE.set(this);
			}
		}

		@Override
		public Object get() throws Throwable {
			CheckedSupplier<Object> primary = this.primary;
			if (primary == null) {
				throw new IllegalStateException("Not started");
			}
			try {
				return watchPrimary(primary.get());
			}
			catch (Throwable ex) {
				failed(ex);
				throw ex;
			}
		}

		@Nullable Object watchPrimary(@Nullable Object value) {
			if (value instanceof CompletionStage<?> stage) {
				this.watched = true;
				stage.whenComplete((result, failure) -> {
					if (failure != null) {
						failed(failure);
					}
				});
				return value;
			}
			if (REACTOR_PRESENT && ReactorOutcomes.isReactive(value)) {
				this.watched = true;
				return ReactorOutcomes.watchPrimary(value, this);
			}
			return value;
		}

		@Nullable Object watchResult(@Nullable Object value) {
			if (value instanceof CompletionStage<?> stage) {
				this.watched = true;
				stage.whenComplete((result, failure) -> finished(failure == null));
				return value;
			}
			if (REACTOR_PRESENT && ReactorOutcomes.isReactive(value)) {
				this.watched = true;
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
				ResilienceEvents recorder = this.recorder;
				if (this.primaryFailure == null && recorder != null && recorder.injected(unwrapped)) {
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
			ResilienceEvents recorder = this.recorder;
			try {
				if (recorder != null) {
					recorder.fallbackOutcome(this.method, this.fallbackMethod, failure, served);
				}
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
