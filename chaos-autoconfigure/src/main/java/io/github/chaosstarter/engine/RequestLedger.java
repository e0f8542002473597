package io.github.chaosstarter.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one inbound request met while chaos was on: the dependencies it called with an
 * injected fault, and those for which a fallback answered. The starter's web filters bind
 * a ledger to the request's thread while the request is handled (and, on WebFlux, to its
 * Reactor subscription); the engine notes every injected dependency fault in the ledger
 * bound to the thread it happens on. Work that continues on threads the application
 * starts itself (an executor, {@code CompletableFuture.supplyAsync}) is not seen, unless
 * its failure reaches the caller.
 * <p>
 * Bounded: at most {@value #MAX_DEPENDENCIES} dependencies per request.
 *
 * @author Chaos Starter team
 */
public final class RequestLedger {

	static final int MAX_DEPENDENCIES = 16;

	private static final ThreadLocal<@Nullable RequestLedger> current = new ThreadLocal<>();

	private static final ChaosListener.Dependency[] NONE = new ChaosListener.Dependency[0];

	private ChaosListener.Dependency[] dependencies = NONE;

	/** When each dependency was last called: the value of {@link #calls} then. */
	private int[] lastCalls = new int[0];

	private boolean[] degraded = new boolean[0];

	private int calls;

	/**
	 * Return the ledger bound to this thread.
	 * @return the ledger, or {@code null}
	 */
	public static @Nullable RequestLedger current() {
		return current.get();
	}

	/**
	 * Bind a ledger to this thread.
	 * @param ledger the ledger, or {@code null} to unbind
	 * @return the ledger bound before, to restore afterwards
	 */
	public static @Nullable RequestLedger bind(@Nullable RequestLedger ledger) {
		RequestLedger previous = current.get();
		if (ledger == null) {
			current.remove();
		}
		else {
			current.set(ledger);
		}
		return previous;
	}

	/**
	 * Note a dependency called with an injected fault, in the ledger bound to this
	 * thread.
	 */
	static void called(ChaosListener.Dependency dependency) {
		RequestLedger ledger = current.get();
		if (ledger != null) {
			ledger.add(dependency);
		}
	}

	/**
	 * Return a mark to pass to {@link #fallbackServed(int)}: taken when a guarded call
	 * starts.
	 * @return the number of faulted dependency calls so far
	 */
	public synchronized int mark() {
		return this.calls;
	}

	/**
	 * Note that a fallback answered for a guarded call that an injected fault made fail:
	 * the dependencies called with a fault since the guarded call started were degraded,
	 * not failed.
	 * @param mark what {@link #mark()} returned when the guarded call started
	 */
	public synchronized void fallbackServed(int mark) {
		for (int i = 0; i < this.dependencies.length; i++) {
			if (this.lastCalls[i] > mark) {
				this.degraded[i] = true;
			}
		}
	}

	/**
	 * Note that the application handled the failure of the dependency called last, as a
	 * cache error handler that returns does: that dependency was degraded, not failed.
	 */
	public synchronized void lastCallHandled() {
		for (int i = 0; i < this.dependencies.length; i++) {
			if (this.lastCalls[i] == this.calls) {
				this.degraded[i] = true;
			}
		}
	}

	/**
	 * Return the dependencies noted, each once, in the order first called.
	 * @return the dependencies
	 */
	public synchronized List<ChaosListener.Dependency> dependencies() {
		return List.of(this.dependencies);
	}

	/**
	 * Return the dependencies for which a fallback answered.
	 * @return the degraded dependencies, in the order first called
	 */
	public synchronized List<ChaosListener.Dependency> degraded() {
		List<ChaosListener.Dependency> result = new ArrayList<>();
		for (int i = 0; i < this.dependencies.length; i++) {
			if (this.degraded[i]) {
				result.add(this.dependencies[i]);
			}
		}
		return result;
	}

	private synchronized void add(ChaosListener.Dependency dependency) {
		int call = ++this.calls;
		for (int i = 0; i < this.dependencies.length; i++) {
			if (this.dependencies[i].name().equals(dependency.name())) {
				this.lastCalls[i] = call;
				return;
			}
		}
		int size = this.dependencies.length;
		if (size < MAX_DEPENDENCIES) {
			this.dependencies = Arrays.copyOf(this.dependencies, size + 1);
			this.dependencies[size] = dependency;
			this.lastCalls = Arrays.copyOf(this.lastCalls, size + 1);
			this.lastCalls[size] = call;
			this.degraded = Arrays.copyOf(this.degraded, size + 1);
		}
	}

}
