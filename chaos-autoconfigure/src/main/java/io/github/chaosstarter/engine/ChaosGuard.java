package io.github.chaosstarter.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosSpec.GuardSpec;

/**
 * Halts chaos when the share of 5xx responses the application served within
 * {@code chaos.guard.window} exceeds {@code chaos.guard.max-error-rate}. Injected error
 * responses count like real ones, so the guard stops a cascade the chaos started. Only
 * responses served while chaos is on count; a new window starts whenever chaos is
 * enabled. At least {@value #MIN_RESPONSES} responses must be in the window before the
 * guard decides, so that a single failure among few requests does not halt chaos. While
 * chaos is off or the guard is off (rate 1.0) a response costs one volatile read.
 *
 * @author Chaos Starter team
 */
final class ChaosGuard {

	/** Responses needed in the window before the guard may halt chaos. */
	static final int MIN_RESPONSES = 10;

	private final ChaosRuntime runtime;

	private final LongSupplier nanoTime;

	private volatile @Nullable Window window;

	ChaosGuard(ChaosRuntime runtime) {
		this(runtime, System::nanoTime);
	}

	ChaosGuard(ChaosRuntime runtime, LongSupplier nanoTime) {
		this.runtime = runtime;
		this.nanoTime = nanoTime;
	}

	/**
	 * Return whether responses need to be recorded now.
	 * @return {@code true} while chaos is on and the guard is active
	 */
	boolean active() {
		ChaosState state = this.runtime.current();
		return state.enabled() && state.spec().guard().active();
	}

	/**
	 * Record one HTTP server response.
	 * @param status the response status
	 */
	void record(int status) {
		ChaosState state = this.runtime.current();
		GuardSpec guard = state.spec().guard();
		if (!state.enabled() || !guard.active()) {
			return;
		}
		Window current = window(state, guard);
		boolean error = status >= 500;
		ErrorRateWindow.Counts counts = current.counts.record(this.nanoTime.getAsLong(), error);
		if (error && counts.total() >= MIN_RESPONSES && counts.rate() > guard.maxErrorRate()
				&& current.halted.compareAndSet(false, true)) {
			this.runtime.halt("guard", String.format(Locale.ROOT,
					"5xx rate %.2f over %s (%d of %d responses) exceeded chaos.guard.max-error-rate %s", counts.rate(),
					SpecCompiler.format(guard.window()), counts.errors(), counts.total(), guard.maxErrorRate()));
		}
	}

	private Window window(ChaosState state, GuardSpec guard) {
		Window current = this.window;
		if (current == null || !Objects.equals(current.enabledAt, state.enabledAt()) || !current.guard.equals(guard)) {
			synchronized (this) {
				current = this.window;
				if (current == null || !Objects.equals(current.enabledAt, state.enabledAt())
						|| !current.guard.equals(guard)) {
					current = new Window(state.enabledAt(), guard);
					this.window = current;
				}
			}
		}
		return current;
	}

	private static final class Window {

		final @Nullable Instant enabledAt;

		final GuardSpec guard;

		final ErrorRateWindow counts;

		final AtomicBoolean halted = new AtomicBoolean();

		Window(@Nullable Instant enabledAt, GuardSpec guard) {
			this.enabledAt = enabledAt;
			this.guard = guard;
			this.counts = new ErrorRateWindow(guard.window().toNanos());
		}

	}

}
