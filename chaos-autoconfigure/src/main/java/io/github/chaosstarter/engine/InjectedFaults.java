package io.github.chaosstarter.engine;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

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

	private static final Mark MARK = new Mark(null);

	/** How many methods get a mark of their own; beyond, the shared mark is used. */
	private static final int MAX_TARGETS = 10_000;

	private static final Map<String, Mark> TARGETED = new ConcurrentHashMap<>();

	/**
	 * The exceptions marked last, by identity hash: finding a mark here allocates
	 * nothing, where {@link Throwable#getSuppressed()} copies an array. One that another
	 * took the slot of is still found through its suppressed exceptions.
	 */
	private static final int REMEMBERED = 1024;

	private static final AtomicReferenceArray<@Nullable Remembered> MARKED = new AtomicReferenceArray<>(REMEMBERED);

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
		mark(failure, MARK);
	}

	/**
	 * Mark an exception injected into a bean method, with a mark that names the method,
	 * so that whoever sees it can tell which method it was injected into.
	 * @param failure the exception
	 * @param target the method as {@link ChaosListener.Injection#target()} names it
	 */
	static void mark(Throwable failure, String target) {
		Mark mark = TARGETED.get(target);
		if (mark == null) {
			mark = (TARGETED.size() < MAX_TARGETS) ? TARGETED.computeIfAbsent(target, Mark::new) : MARK;
		}
		mark(failure, mark);
	}

	private static void mark(Throwable failure, Mark mark) {
		if (!(failure instanceof Mark) && markOf(failure) == null) {
			failure.addSuppressed(mark);
			if (suppressed(failure) == mark) {
				MARKED.set(slot(failure), new Remembered(failure, mark));
			}
		}
	}

	private static int slot(Throwable failure) {
		return System.identityHashCode(failure) & (REMEMBERED - 1);
	}

	private static @Nullable Mark markOf(Throwable failure) {
		Remembered remembered = MARKED.get(slot(failure));
		if (remembered != null && remembered.get() == failure) {
			return remembered.mark;
		}
		return suppressed(failure);
	}

	private static @Nullable Mark suppressed(Throwable failure) {
		for (Throwable suppressed : failure.getSuppressed()) {
			if (suppressed instanceof Mark mark) {
				return mark;
			}
		}
		return null;
	}

	/**
	 * Return the bean method the injected exception in the cause chain of the given one
	 * was injected into.
	 * @param failure what a caller or a resilience library saw
	 * @param maxDepth how many causes to follow
	 * @return the method as {@link ChaosListener.Injection#target()} names it, or
	 * {@code null} when unknown or nothing was injected
	 */
	public static @Nullable String injectedTarget(@Nullable Throwable failure, int maxDepth) {
		Throwable injected = injectedIn(failure, maxDepth);
		Mark mark = (injected != null) ? markOf(injected) : null;
		return (mark != null) ? mark.target : null;
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
			// Throwable.getCause() takes a lock: once per link
			Throwable cause = current.getCause();
			current = (cause != current) ? cause : null;
		}
		return null;
	}

	/**
	 * Return the bean method this very exception was injected into, when it carries the
	 * mark: one look-up, where {@link #isMarked(Throwable)} and
	 * {@link #injectedTarget(Throwable, int)} would take two.
	 * @param failure the exception
	 * @return the method as {@link ChaosListener.Injection#target()} names it, an empty
	 * string when its mark names none, or {@code null} when it is not marked
	 */
	public static @Nullable String markedTarget(Throwable failure) {
		Mark mark = markOf(failure);
		if (mark == null) {
			return null;
		}
		return (mark.target != null) ? mark.target : "";
	}

	/**
	 * Return whether this very exception carries the mark.
	 * @param failure the exception
	 * @return {@code true} when marked
	 */
	public static boolean isMarked(Throwable failure) {
		return markOf(failure) != null;
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
	/**
	 * A marked exception, held weakly, and its mark.
	 */
	private static final class Remembered extends WeakReference<Throwable> {

		private final Mark mark;

		Remembered(Throwable failure, Mark mark) {
			super(failure);
			this.mark = mark;
		}

	}

	static final class Mark extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient @Nullable String target;

		Mark(@Nullable String target) {
			super("injected by Chaos Starter", null, false, false);
			this.target = target;
		}

	}

}
