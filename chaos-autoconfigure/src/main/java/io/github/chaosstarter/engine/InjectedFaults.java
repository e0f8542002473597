package io.github.chaosstarter.engine;

import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Tells injected failures from real ones without keeping anything per injection.
 * <ul>
 * <li>Every exception chaos injects carries a mark: one shared, stackless exception added
 * as suppressed, shown in stack traces as
 * {@code Suppressed: ...InjectedFaults$Mark: injected by Chaos Starter}. Whoever later
 * sees it (a resilience library's event, a log reader) finds the mark in its cause
 * chain.</li>
 * <li>A time limiter's {@link TimeoutException} is created by the limiter, not by chaos.
 * When it cuts short a delay that chaos injected, the delay tells this class on the
 * thread that then signals the timeout: completing a returned future exceptionally
 * happens inside {@link #signallingTimeout()}, and a Reactor cancellation leaves a token
 * that {@link #takeCancelledDelay(long)} hands out once.</li>
 * </ul>
 *
 * @author Chaos Starter team
 */
public final class InjectedFaults {

	private static final Mark MARK = new Mark();

	private static final ThreadLocal<ChaosListener.@Nullable Injection> SIGNALLING = new ThreadLocal<>();

	private static final ThreadLocal<@Nullable Cancelled> CANCELLED = new ThreadLocal<>();

	private InjectedFaults() {
	}

	/**
	 * Mark an exception as injected. Exceptions created with suppression disabled cannot
	 * carry the mark.
	 * @param failure the exception
	 */
	public static void mark(Throwable failure) {
		if (failure != MARK && !isMarked(failure)) {
			failure.addSuppressed(MARK);
		}
	}

	/**
	 * Return the injected exception in the cause chain of the given one.
	 * @param failure what a caller or a resilience library saw
	 * @param maxDepth how many causes to follow
	 * @return the marked exception, or {@code null} when none was injected
	 */
	public static @Nullable Throwable injectedIn(@Nullable Throwable failure, int maxDepth) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < maxDepth; depth++) {
			if (isMarked(current)) {
				return current;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

	/**
	 * Return whether this very exception carries the mark.
	 * @param failure the exception
	 * @return {@code true} when marked
	 */
	public static boolean isMarked(Throwable failure) {
		for (Throwable suppressed : failure.getSuppressed()) {
			if (suppressed == MARK) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the injection whose delayed future is being completed with a timeout on this
	 * thread right now, by whoever timed it out.
	 * @return the injection, or {@code null}
	 */
	public static ChaosListener.@Nullable Injection signallingTimeout() {
		return SIGNALLING.get();
	}

	/**
	 * Take the injection whose delayed publisher was cancelled on this thread in the last
	 * {@code maxAgeNanos}: a Reactor timeout cancels upstream, then signals its error on
	 * the same thread. Handed out once.
	 * @param maxAgeNanos how recent the cancellation must be
	 * @return the injection, or {@code null}
	 */
	public static ChaosListener.@Nullable Injection takeCancelledDelay(long maxAgeNanos) {
		Cancelled cancelled = CANCELLED.get();
		if (cancelled == null) {
			return null;
		}
		CANCELLED.remove();
		return (System.nanoTime() - cancelled.nanoTime() <= maxAgeNanos) ? cancelled.injection() : null;
	}

	static void cancelledDelay(ChaosListener.Injection injection) {
		CANCELLED.set(new Cancelled(injection, System.nanoTime()));
	}

	static boolean completeWithTimeout(ChaosListener.Injection injection, TimeoutException timeout,
			java.util.function.Predicate<Throwable> complete) {
		mark(timeout);
		SIGNALLING.set(injection);
		try {
			return complete.test(timeout);
		}
		finally {
			SIGNALLING.remove();
		}
	}

	private record Cancelled(ChaosListener.Injection injection, long nanoTime) {
	}

	/**
	 * The mark: no stack trace, no suppression of its own.
	 */
	static final class Mark extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Mark() {
			super("injected by Chaos Starter", null, false, false);
		}

	}

}
