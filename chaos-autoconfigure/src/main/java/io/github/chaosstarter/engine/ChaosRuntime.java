package io.github.chaosstarter.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Owns the chaos state: builds {@link ChaosState} snapshots from specifications, swaps
 * them atomically, plans the auto-halt, audits every change and tells the listeners.
 * Writers are serialised; readers never lock.
 *
 * @author Chaos Starter team
 */
final class ChaosRuntime {

	private final ChaosStateHolder holder;

	private final ChaosSpec baseline;

	private final AutoHalt autoHalt;

	private final Clock clock;

	private final AuditLog auditLog = new AuditLog();

	private final Object lock = new Object();

	private Dispatch dispatch;

	private long version;

	/**
	 * Create a runtime and put the application's configured state in place; listeners are
	 * told once {@link #start} is called.
	 */
	ChaosRuntime(ChaosStateHolder holder, ChaosSpec baseline, Dispatch dispatch, AutoHalt autoHalt, Clock clock) {
		this.holder = holder;
		this.baseline = baseline;
		this.dispatch = dispatch;
		this.autoHalt = autoHalt;
		this.clock = clock;
		synchronized (this.lock) {
			ChaosState initial = build(ChaosState.OFF, baseline);
			this.holder.set(initial);
			this.autoHalt.plan(initial, this::autoHalt);
		}
	}

	ChaosState current() {
		return this.holder.current();
	}

	ChaosSpec baseline() {
		return this.baseline;
	}

	List<AuditLog.Entry> history() {
		return this.auditLog.entries();
	}

	/**
	 * Install the listeners and the source of the current request, and tell the listeners
	 * the application's configured state.
	 * @param listeners the listeners
	 * @param requests where the request being served is found
	 */
	void start(List<ChaosListener> listeners, RequestFacts.Source requests) {
		ChaosState current;
		synchronized (this.lock) {
			this.dispatch = this.dispatch.with(listeners, requests);
			current = this.holder.current().withDispatch(this.dispatch);
			this.holder.set(current);
		}
		this.dispatch.changed(
				new ChaosListener.Change(false, current.enabled(), "configuration", "the application's configuration",
						AuditLog.differences(ChaosSpec.OFF, current.spec()), this.clock.instant(),
						StateView.hypothesis(current.spec().hypothesis()), current.spec().expect().classes()));
	}

	/**
	 * Derive a new specification from the current one and put it in place, with no other
	 * change in between. When the function throws, nothing changes.
	 * @param derive derives the new, already validated specification
	 * @param actor who makes the change
	 * @param description what changes, in words
	 * @return the new state
	 */
	ChaosState update(UnaryOperator<ChaosSpec> derive, String actor, String description) {
		ChaosState previous;
		ChaosState current;
		Dispatch dispatch;
		synchronized (this.lock) {
			previous = this.holder.current();
			current = build(previous, derive.apply(previous.spec()));
			this.holder.set(current);
			this.autoHalt.plan(current, this::autoHalt);
			dispatch = this.dispatch;
		}
		List<String> changes = AuditLog.differences(previous.spec(), current.spec());
		Instant at = this.clock.instant();
		this.auditLog.record(new AuditLog.Entry(at, actor, description, changes, current.version()));
		dispatch.changed(new ChaosListener.Change(previous.enabled(), current.enabled(), actor, description, changes,
				at, StateView.hypothesis(current.spec().hypothesis()), current.spec().expect().classes()));
		return current;
	}

	/**
	 * Switch chaos off and restore the application's own configuration.
	 * @param actor who halts
	 * @param reason why, in words
	 * @return the new state
	 */
	ChaosState halt(String actor, String reason) {
		return update((current) -> this.baseline.withEnabled(false), actor, reason);
	}

	private void autoHalt(long version) {
		ChaosState current = this.holder.current();
		if (current.version() == version) {
			halt("auto-halt", "chaos.duration of " + SpecCompiler.format(current.spec().duration()) + " elapsed");
		}
	}

	private ChaosState build(ChaosState previous, ChaosSpec next) {
		Map<String, Assault> assaults = new LinkedHashMap<>();
		next.assaults().forEach((name, spec) -> {
			Assault existing = previous.assaults().get(name);
			assaults.put(name, (existing != null && existing.spec().equals(spec)) ? existing : new Assault(spec));
		});
		boolean switchedOn = next.enabled() && !previous.enabled();
		Instant now = this.clock.instant();
		Instant enabledAt = next.enabled() ? (switchedOn ? now : previous.enabledAt()) : null;
		@Nullable Instant haltAt = null;
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
		return new ChaosState(++this.version, next, assaults, enabledAt, haltAt, random, this.dispatch);
	}

	/**
	 * Switch chaos off without telling anyone, so that nothing is attacked while the
	 * context closes, and stop the auto-halt timer.
	 */
	void stop() {
		synchronized (this.lock) {
			ChaosState current = this.holder.current();
			if (current.enabled()) {
				this.holder.set(build(current, current.spec().withEnabled(false)));
			}
			this.autoHalt.shutdown();
		}
	}

}
