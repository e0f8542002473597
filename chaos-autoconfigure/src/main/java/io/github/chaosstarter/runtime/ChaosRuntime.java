package io.github.chaosstarter.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.effect.InjectedFailures;

/**
 * Owns the chaos state: compiles specifications into {@link ChaosState} snapshots, swaps
 * them atomically, switches chaos off after {@code chaos.duration}, and tells listeners
 * about injections and changes. Writers are serialised; readers never lock.
 *
 * @author Chaos Starter team
 */
public class ChaosRuntime implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ChaosRuntime.class);

	private final ChaosStateHolder holder;

	private final ChaosSpecCompiler compiler;

	private final ChaosSpec baseline;

	private final RequestConditionFactory requestConditions;

	private final Clock clock;

	private final List<InjectionListener> injectionListeners = new CopyOnWriteArrayList<>();

	private volatile InjectionListener[] injectionListenerArray = {};

	private final List<ChaosChangeListener> changeListeners = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	private volatile KillHandler killHandler = (assault, kill) -> logger
		.warn("Chaos assault '" + assault + "' wanted to kill the application but no kill handler is installed");

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> autoHalt;

	private long version;

	/**
	 * Create a runtime and put the application's configured state in place.
	 * @param holder the holder read by advised calls
	 * @param compiler the validating compiler
	 * @param baseline the application's own configuration
	 * @param requestConditions builds request conditions of http and principal targets
	 * @param clock the clock
	 */
	public ChaosRuntime(ChaosStateHolder holder, ChaosSpecCompiler compiler, ChaosSpec baseline,
			RequestConditionFactory requestConditions, Clock clock) {
		this.holder = holder;
		this.compiler = compiler;
		this.baseline = baseline;
		this.requestConditions = requestConditions;
		this.clock = clock;
		holder.bind(this);
		synchronized (this.lock) {
			ChaosState initial = build(ChaosState.OFF, baseline);
			this.holder.set(initial);
			scheduleAutoHalt(initial);
		}
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public ChaosState current() {
		return this.holder.current();
	}

	/**
	 * Return the application's own configuration, restored by {@link #halt}.
	 * @return the baseline specification
	 */
	public ChaosSpec baseline() {
		return this.baseline;
	}

	/**
	 * Return the compiler that validates changes exactly as at startup.
	 * @return the compiler
	 */
	public ChaosSpecCompiler compiler() {
		return this.compiler;
	}

	/**
	 * Return the clock.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Put a new specification in place. Assaults whose specification is unchanged keep
	 * their counters.
	 * @param next the new specification, already validated
	 * @param actor who makes the change
	 * @param description what changes, in words
	 * @return the new state
	 */
	public ChaosState apply(ChaosSpec next, String actor, String description) {
		return update((current) -> next, actor, description);
	}

	/**
	 * Derive a new specification from the current one and put it in place, with no other
	 * change in between (read, merge and swap happen under the writers' lock). When the
	 * function throws, nothing changes.
	 * @param derive derives the new, already validated specification from the current one
	 * @param actor who makes the change
	 * @param description what changes, in words
	 * @return the new state
	 */
	public ChaosState update(UnaryOperator<ChaosSpec> derive, String actor, String description) {
		ChaosChange change;
		synchronized (this.lock) {
			ChaosState previous = this.holder.current();
			ChaosState current = build(previous, derive.apply(previous.spec()));
			this.holder.set(current);
			scheduleAutoHalt(current);
			change = new ChaosChange(previous, current, actor, description, this.clock.instant());
		}
		for (ChaosChangeListener listener : this.changeListeners) {
			try {
				listener.onChange(change);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos change listener " + listener + " failed", ex);
			}
		}
		return change.current();
	}

	/**
	 * Switch chaos off and restore the application's own assaults.
	 * @param actor who halts
	 * @param reason why, in words
	 * @return the new state
	 */
	public ChaosState halt(String actor, String reason) {
		return apply(this.baseline.withEnabled(false), actor, reason);
	}

	/**
	 * Register a listener for injections.
	 * @param listener the listener
	 */
	public void addInjectionListener(InjectionListener listener) {
		this.injectionListeners.add(listener);
		this.injectionListenerArray = this.injectionListeners.toArray(new InjectionListener[0]);
	}

	/**
	 * Register a listener for changes.
	 * @param listener the listener
	 */
	public void addChangeListener(ChaosChangeListener listener) {
		this.changeListeners.add(listener);
	}

	/**
	 * Set what stops the application for kill assaults.
	 * @param killHandler the handler
	 */
	public void setKillHandler(KillHandler killHandler) {
		this.killHandler = killHandler;
	}

	/**
	 * Stop the application for a kill assault.
	 * @param assault the assault's name
	 * @param kill the effect
	 */
	public void kill(String assault, io.github.chaosstarter.config.AssaultSpec.KillSpec kill) {
		this.killHandler.kill(assault, kill);
	}

	/**
	 * Tell every listener about an injection, after marking its exception as injected
	 * (see {@link InjectedFailures}). Listener failures are logged, never thrown.
	 * @param injection the injection
	 */
	public void fireInjection(Injection injection) {
		if (injection.exception() != null) {
			InjectedFailures.mark(injection.exception());
		}
		for (InjectionListener listener : this.injectionListenerArray) {
			try {
				listener.onInjection(injection);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos injection listener " + listener + " failed", ex);
			}
		}
	}

	private ChaosState build(ChaosState previous, ChaosSpec next) {
		Map<String, Assault> assaults = new LinkedHashMap<>();
		next.assaults().forEach((name, spec) -> {
			Assault existing = previous.assaults().get(name);
			assaults.put(name, (existing != null && existing.spec().equals(spec)) ? existing : compile(spec));
		});
		boolean switchedOn = next.enabled() && !previous.enabled();
		Instant now = this.clock.instant();
		Instant enabledAt = next.enabled() ? (switchedOn ? now : previous.enabledAt()) : null;
		Instant haltAt = null;
		if (next.enabled() && !next.duration().isZero()) {
			// the clock starts when chaos is switched on or a new duration is given;
			// other
			// changes while chaos is on keep the planned halt
			boolean restart = switchedOn || previous.haltAt() == null
					|| !next.duration().equals(previous.spec().duration());
			haltAt = restart ? now.plus(next.duration()) : previous.haltAt();
		}
		ChaosRandom random = previous.random();
		if (switchedOn || !Objects.equals(next.seed(), previous.spec().seed())) {
			random = (next.seed() != null) ? new ChaosRandom(next.seed()) : ChaosRandom.unseeded();
		}
		return new ChaosState(++this.version, next, assaults, enabledAt, haltAt, random);
	}

	private Assault compile(AssaultSpec spec) {
		RequestCondition condition = spec.target().hasRequestConditions() ? this.requestConditions.create(spec.target())
				: null;
		return new Assault(spec, condition);
	}

	private void scheduleAutoHalt(ChaosState state) {
		if (this.autoHalt != null) {
			this.autoHalt.cancel(false);
			this.autoHalt = null;
		}
		Instant haltAt = state.haltAt();
		if (haltAt == null) {
			return;
		}
		long delay = Math.max(0, haltAt.toEpochMilli() - this.clock.millis());
		long version = state.version();
		this.autoHalt = scheduler().schedule(() -> autoHalt(version), delay, TimeUnit.MILLISECONDS);
	}

	private void autoHalt(long version) {
		if (this.holder.current().version() != version) {
			return;
		}
		halt("auto-halt", "chaos.duration of " + this.holder.current().spec().duration() + " elapsed");
	}

	private ScheduledExecutorService scheduler() {
		if (this.scheduler == null) {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, "chaos-auto-halt");
				thread.setDaemon(true);
				return thread;
			});
			executor.setRemoveOnCancelPolicy(true);
			this.scheduler = executor;
		}
		return this.scheduler;
	}

	/**
	 * Switch chaos off without telling anyone, so that nothing is attacked while the
	 * context closes, and stop the auto-halt timer.
	 */
	@Override
	public void destroy() {
		synchronized (this.lock) {
			ChaosState current = this.holder.current();
			if (current.enabled()) {
				this.holder.set(build(current, current.spec().withEnabled(false)));
			}
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
			}
		}
	}

}
