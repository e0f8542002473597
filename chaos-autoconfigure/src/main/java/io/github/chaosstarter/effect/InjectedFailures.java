package io.github.chaosstarter.effect;

import org.jspecify.annotations.Nullable;

/**
 * Marks the exceptions that chaos injects, so that anything that later sees one (the
 * resilience report's observers of Resilience4j events, a log reader) can tell it from a
 * real failure without the starter keeping any record per injection. The mark is one
 * shared, stackless exception added as suppressed; it shows in stack traces as
 * {@code Suppressed: ...InjectedFailures$Mark: injected by Chaos Starter}.
 *
 * @author Chaos Starter team
 */
public final class InjectedFailures {

	private static final Mark MARK = new Mark();

	private InjectedFailures() {
	}

	/**
	 * Mark an exception as injected. Exceptions created with suppression disabled cannot
	 * carry the mark.
	 * @param failure the injected exception
	 */
	public static void mark(Throwable failure) {
		if (failure != MARK && !isMarked(failure)) {
			failure.addSuppressed(MARK);
		}
	}

	/**
	 * Return whether the exception, or one in its cause chain, was injected.
	 * @param failure what a caller or a resilience library saw
	 * @param maxDepth how many causes to follow
	 * @return the injected exception, or {@code null}
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

	private static boolean isMarked(Throwable failure) {
		for (Throwable suppressed : failure.getSuppressed()) {
			if (suppressed == MARK) {
				return true;
			}
		}
		return false;
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
