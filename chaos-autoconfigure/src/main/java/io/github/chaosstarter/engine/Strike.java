package io.github.chaosstarter.engine;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the assaults do to one call, decided by the one rule shared by bean methods,
 * inbound requests and outbound calls: each matching assault is drawn in declaration
 * order; latencies add up; the first exception, error-response or kill effect decides the
 * outcome and later ones are not drawn; every hit is reported to the listeners; in
 * dry-run mode hits are counted and reported but nothing is applied. The web and HTTP
 * client adapters apply a strike as their stack needs.
 *
 * @author Chaos Starter team
 */
public final class Strike {

	private final long delayNanos;

	private final @Nullable Assault terminal;

	private final @Nullable Throwable failure;

	private final ChaosListener.@Nullable Injection delay;

	private final Dispatch dispatch;

	private Strike(long delayNanos, @Nullable Assault terminal, @Nullable Throwable failure,
			ChaosListener.@Nullable Injection delay, Dispatch dispatch) {
		this.delayNanos = delayNanos;
		this.terminal = terminal;
		this.failure = failure;
		this.delay = delay;
		this.dispatch = dispatch;
	}

	/**
	 * Decide for one call.
	 * @param state the state, read once for the call
	 * @param candidates the assaults that may select the call
	 * @param site where the call happens
	 * @return what to apply, or {@code null} when the call proceeds untouched
	 */
	static @Nullable Strike decide(ChaosState state, Assault[] candidates, InjectionSite site) {
		boolean dryRun = state.spec().dryRun();
		ChaosRandom random = state.random();
		Dispatch dispatch = state.dispatch();
		long delayNanos = 0;
		Assault terminal = null;
		Throwable failure = null;
		ChaosListener.Injection delay = null;
		for (int i = 0; i < candidates.length; i++) {
			Assault assault = candidates[i];
			AssaultSpec.EffectSpec effect = assault.spec().effect();
			boolean latency = effect instanceof AssaultSpec.LatencySpec;
			if ((terminal != null && !latency) || !site.matches(i, assault, dispatch)
					|| !assault.decide(random, dryRun)) {
				continue;
			}
			if (effect instanceof AssaultSpec.LatencySpec spec) {
				long nanos = random.nextLong(spec.min().toNanos(), spec.max().toNanos());
				delayNanos += nanos;
				ChaosListener.Injection injection = dispatch.injected(assault, site, null, nanos, dryRun);
				delay = (delay != null) ? delay : injection;
				continue;
			}
			terminal = assault;
			failure = site.failure(assault, effect);
			if (failure != null && !dryRun) {
				if (site.method() != null) {
					InjectedFaults.mark(failure, site.target());
				}
				else {
					InjectedFaults.mark(failure);
				}
			}
			dispatch.injected(assault, site, failure, 0, dryRun);
		}
		if (dryRun || (terminal == null && delayNanos == 0)) {
			return null;
		}
		return new Strike(delayNanos, terminal, failure, delay, dispatch);
	}

	/**
	 * Return the total delay to inject before the call proceeds or fails.
	 * @return the delay in nanoseconds, zero for none
	 */
	public long delayNanos() {
		return this.delayNanos;
	}

	/**
	 * Return the exception to throw or signal.
	 * @return the exception, or {@code null}
	 */
	public @Nullable Throwable failure() {
		return this.failure;
	}

	/**
	 * Return the name of the assault whose exception, error-response or kill effect
	 * applies.
	 * @return the name, or {@code null} when only latency applies
	 */
	public @Nullable String assault() {
		return (this.terminal != null) ? this.terminal.name() : null;
	}

	/**
	 * Return the status of the error response to answer with.
	 * @return the status, or {@code 0} when no error-response effect applies
	 */
	public int errorStatus() {
		return (errorResponse() != null) ? errorResponse().status() : 0;
	}

	/**
	 * Return the value of the error response's {@code Retry-After}.
	 * @return the duration, or {@code null}
	 */
	public @Nullable Duration retryAfter() {
		return (errorResponse() != null) ? errorResponse().retryAfter() : null;
	}

	/**
	 * Return whether the failure is an unavailable dependency's that the real client
	 * shows only after its wait.
	 * @return {@code true} when an unavailable effect without {@code immediately} applies
	 */
	public boolean unavailableAfterWait() {
		return this.terminal != null && this.terminal.spec().effect() instanceof AssaultSpec.UnavailableSpec unavailable
				&& !unavailable.immediately();
	}

	/**
	 * Return whether a miss effect applies: the cache get misses.
	 * @return {@code true} for a miss
	 */
	public boolean misses() {
		return this.terminal != null && this.terminal.spec().effect() instanceof AssaultSpec.MissSpec;
	}

	/**
	 * Return whether a kill effect applies.
	 * @return {@code true} to stop the application
	 */
	public boolean kills() {
		return killSpec() != null;
	}

	/**
	 * Stop the application as the kill effect says. Does nothing without one.
	 */
	public void kill() {
		AssaultSpec.KillSpec kill = killSpec();
		if (kill != null && this.terminal != null) {
			this.dispatch.kill(this.terminal.name(), kill);
		}
	}

	/**
	 * Tell that the injected delay was cut short because the caller gave up on the call:
	 * called by reactive delays on cancellation, on the cancelling thread.
	 */
	public void delayCancelled() {
		ChaosListener.Injection delay = this.delay;
		if (delay != null) {
			InjectedFaults.cancelledDelay(delay);
			this.dispatch.cancelled(delay);
		}
	}

	/**
	 * Tell that the injected delay ended in the caller's own timeout: the exception the
	 * client raised is marked as injected, and the delay is reported cut short.
	 * @param timeout what the client raised when its timeout fired
	 */
	public void delayTimedOut(Throwable timeout) {
		InjectedFaults.mark(timeout);
		this.dispatch.cancelled(this.delay);
	}

	ChaosListener.@Nullable Injection delayInjection() {
		return this.delay;
	}

	Dispatch dispatch() {
		return this.dispatch;
	}

	AssaultSpec.@Nullable KillSpec killSpec() {
		return (this.terminal != null && this.terminal.spec().effect() instanceof AssaultSpec.KillSpec kill) ? kill
				: null;
	}

	private AssaultSpec.@Nullable ErrorResponseSpec errorResponse() {
		return (this.terminal != null
				&& this.terminal.spec().effect() instanceof AssaultSpec.ErrorResponseSpec response) ? response : null;
	}

	/**
	 * Apply this strike where the operation declares no checked exception: wait out its
	 * delay, then throw its failure, if any (failures are unchecked there: the compiler
	 * refuses checked exception types for such targets).
	 */
	public void waitAndThrow() {
		sleepNanos(this.delayNanos);
		if (this.failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (this.failure instanceof Error error) {
			throw error;
		}
	}

	/**
	 * Wait as injected latency waits, for decorations whose operation declares no checked
	 * exception: an interrupt ends the wait with an {@link IllegalStateException} and
	 * keeps the thread's interrupt flag.
	 * @param nanos how long, nothing when not positive
	 */
	public static void sleepNanos(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during injected latency", ex);
		}
	}

}
