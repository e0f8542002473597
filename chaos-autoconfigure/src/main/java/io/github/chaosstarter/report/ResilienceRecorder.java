package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.log.LogMessage;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosListener;
import io.github.chaosstarter.report.InstanceSettings.BreakerSettings;

/**
 * Records the current experiment and produces its {@link ResilienceReport}. Told of every
 * injection and change by the engine, and of the resilience libraries' own events by
 * {@link Resilience4jObserver}, the fallback executor and the Spring retry listener,
 * through {@link ResilienceEvents}. An experiment starts when chaos is switched on or the
 * report is reset. Every callback is cheap and never throws.
 *
 * @author Chaos Starter team
 */
class ResilienceRecorder implements Chaos.Reports, ChaosListener {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter.report");

	private final Clock clock;

	private final ObjectProvider<InstanceSettings> settingsProvider;

	private final Guards guards = new Guards();

	final Attribution attribution = new Attribution();

	private final Map<String, BreakerTrack> breakers = new ConcurrentHashMap<>();

	final DelaysInFlight delays = new DelaysInFlight();

	private final Map<String, Duration> limiterTimeouts = new ConcurrentHashMap<>();

	private volatile boolean active;

	private volatile Experiment experiment;

	private volatile Chaos.@Nullable Hypothesis hypothesis;

	private volatile @Nullable Baseline baseline;

	ResilienceRecorder(Clock clock, ObjectProvider<InstanceSettings> settings) {
		this.clock = clock;
		this.settingsProvider = settings;
		this.experiment = new Experiment(clock.instant(), Map.of());
	}

	InstanceSettings settings() {
		return this.settingsProvider.getIfAvailable(() -> InstanceSettings.NONE);
	}

	@Override
	public ResilienceReport report() {
		Experiment experiment = this.experiment;
		Instant ended = experiment.ended;
		return new Judge(settings()).judge(experiment, (ended != null) ? ended : this.clock.instant());
	}

	@Override
	public ServiceReport.Figures figures() {
		return this.experiment.traffic.figures();
	}

	@Override
	public void reset() {
		InstanceSettings settings = settings();
		Map<String, String> states = new HashMap<>();
		for (String name : settings.circuitBreakers()) {
			String state = settings.breakerState(name);
			if (state != null) {
				states.put(name, state);
			}
		}
		this.breakers.values().forEach(BreakerTrack::reset);
		Instant now = this.clock.instant();
		Traffic traffic;
		if (this.active) {
			Traffic previous = this.experiment.traffic;
			traffic = new Traffic(now, previous.hypothesis(), null, previous.baseline());
		}
		else {
			traffic = new Traffic(now, this.hypothesis, (this.hypothesis != null) ? this.baseline : null, null);
		}
		traffic.expect(this.experiment.traffic.expect());
		this.experiment = new Experiment(now, states, traffic);
	}

	@Override
	public void onChange(Change change) {
		Chaos.Hypothesis hypothesis = change.hypothesis();
		Baseline baseline = this.baseline;
		if (hypothesis != null && (baseline == null || !baseline.window().equals(hypothesis.baseline()))) {
			this.baseline = new Baseline(hypothesis.baseline());
		}
		this.hypothesis = hypothesis;
		if (change.disabledChaos()) { // the report keeps the expected classes it ran with
			this.active = false;
			this.experiment.ended = change.at();
			this.experiment.traffic.freeze();
			logger.info(LogMessage.of(() -> ReportSummary.format(report())));
			return;
		}
		// expected classes apply whenever they change, also after chaos
		this.experiment.traffic.expect(change.expect());
		if (change.enabledChaos()) {
			reset();
			this.active = true;
			return;
		}
		this.active = change.enabled();
		if (change.enabled()) {
			this.experiment.traffic.hypothesis(hypothesis);
		}
	}

	/**
	 * Return whether chaos is on: events of the libraries only count then.
	 */
	boolean active() {
		return this.active;
	}

	Experiment experiment() {
		return this.experiment;
	}

	@Override
	public void onBaseline(int status, long nanos) {
		Baseline baseline = this.baseline;
		if (baseline != null) {
			baseline.record(status, nanos, this.clock.millis());
		}
	}

	@Override
	public void onServed(Served served) {
		if (this.active) {
			this.experiment.traffic.served(served);
		}
	}

	@Override
	public void onInjection(Injection injection) {
		if (injection.dryRun()) {
			return;
		}
		Experiment experiment = this.experiment;
		experiment.traffic.timeline.injected(injection.at());
		experiment.traffic.dependencies.injected(injection);
		Reach reach = reach(experiment, injection);
		if (reach == null) {
			experiment.countInjection(injection.assault());
			return;
		}
		Throwable failure = injection.failure();
		// counted last: whoever sees the count sees the injection's in-flight records
		try {
			if (failure != null) {
				for (BreakerTrack breaker : reach.breakers) {
					breaker.injectedFailure(experiment, failure);
				}
			}
			if (injection.delayNanos() > 0) {
				delayed(experiment, reach, injection);
			}
		}
		finally {
			((failure != null) ? reach.failures : reach.others).incrementAndGet();
		}
	}

	/**
	 * Find the reach of an injection into a bean method: by identity among the recent
	 * ones, else looked up (and created) once.
	 */
	private @Nullable Reach reach(Experiment experiment, Injection injection) {
		Method method = injection.method();
		Class<?> type = injection.beanType();
		if (method == null || type == null) {
			return null;
		}
		String assault = injection.assault();
		int slot = (System.identityHashCode(method) ^ System.identityHashCode(assault)) & (Experiment.RECENT - 1);
		Reach reach = experiment.recent[slot];
		return (reach != null && reach.is(method, type, assault)) ? reach
				: lookUp(experiment, injection, method, type, slot);
	}

	private Reach lookUp(Experiment experiment, Injection injection, Method method, Class<?> type, int slot) {
		List<Guard> guards = this.guards.of(method, type);
		MethodStats stats = experiment.method(injection.target(), guards,
				"rest-controller".equals(injection.beanKind()));
		Reach reach = experiment.reach(stats, method, type, injection.assault(),
				(key) -> guards.stream()
					.filter((guard) -> guard.kind() == Guard.Kind.CIRCUIT_BREAKER)
					.map((guard) -> breaker(guard.name()))
					.toArray(BreakerTrack[]::new));
		experiment.recent[slot] = reach;
		return reach;
	}

	private void delayed(Experiment experiment, Reach reach, Injection injection) {
		long delay = injection.delayNanos();
		reach.stats.delays.add(delay);
		for (Guard guard : reach.stats.guards) {
			switch (guard.kind()) {
				case CIRCUIT_BREAKER -> {
					BreakerTrack breaker = breaker(guard.name());
					breaker.stats(experiment).delays.add(delay);
					if (breaker.slowBy(delay)) {
						breaker.slowDelays().add(injection);
					}
				}
				case TIME_LIMITER -> limiterReached(experiment, guard.name(), injection);
				case BULKHEAD, THREAD_POOL_BULKHEAD -> {
					boolean threadPool = guard.kind() == Guard.Kind.THREAD_POOL_BULKHEAD;
					experiment.bulkhead(guard.name(), threadPool).delays.add(delay);
					this.delays.bulkhead(guard.name(), threadPool).add(injection);
				}
				default -> {
				}
			}
		}
	}

	private void limiterReached(Experiment experiment, String name, Injection injection) {
		Experiment.LimiterStats stats = experiment.timeLimiter(name);
		Duration timeout = limiterTimeout(name);
		if (timeout != null && injection.delayNanos() > timeout.toNanos()) {
			stats.longer.add(injection.delayNanos());
			this.delays.limiter(name).add(injection);
		}
		else {
			stats.within.add(injection.delayNanos());
		}
	}

	@Override
	public void onDelayCancelled(Injection injection) {
		Class<?> type = injection.beanType();
		Method method = injection.method();
		if (type == null || method == null) {
			return;
		}
		long now = System.nanoTime();
		for (Guard guard : this.guards.of(method, type)) {
			switch (guard.kind()) {
				case TIME_LIMITER -> this.delays.limiter(guard.name()).cancelled(injection, now);
				case BULKHEAD, THREAD_POOL_BULKHEAD ->
					this.delays.bulkhead(guard.name(), guard.kind() == Guard.Kind.THREAD_POOL_BULKHEAD)
						.cancelled(injection, now);
				default -> {
				}
			}
		}
	}

	BreakerTrack breaker(String name) {
		BreakerTrack track = this.breakers.get(name);
		return (track != null) ? track
				: this.breakers.computeIfAbsent(name, (key) -> new BreakerTrack(key, settings().breaker(key)));
	}

	BreakerTrack breaker(String name, @Nullable BreakerSettings settings) {
		return this.breakers.computeIfAbsent(name, (key) -> new BreakerTrack(key, settings));
	}

	@Nullable Duration limiterTimeout(String name) {
		Duration timeout = this.limiterTimeouts.get(name);
		if (timeout == null) {
			timeout = settings().timeLimiterTimeout(name);
			if (timeout != null) {
				this.limiterTimeouts.put(name, timeout);
			}
		}
		return timeout;
	}

}
