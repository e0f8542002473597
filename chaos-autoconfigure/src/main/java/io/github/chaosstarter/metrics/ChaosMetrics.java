package io.github.chaosstarter.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.ChaosListener;

/**
 * Counter {@code chaos.injections} (tags {@code assault}, {@code effect}, {@code bean},
 * {@code method}; {@code none} for injections into HTTP requests and outbound calls,
 * which have no bean) and gauge {@code chaos.enabled}. Counters are looked up once per
 * tag combination and cached; nothing happens on calls that inject nothing. Dry-run hits
 * are not counted as injections.
 *
 * @author Chaos Starter team
 */
class ChaosMetrics implements MeterBinder, ChaosListener {

	private final ChaosEngine engine;

	private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	ChaosMetrics(ChaosEngine engine) {
		this.engine = engine;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("chaos.enabled", this.engine, (engine) -> engine.enabled() ? 1 : 0)
			.description("Whether chaos is on (1) or off (0)")
			.register(registry);
	}

	@Override
	public void onInjection(Injection injection) {
		MeterRegistry registry = this.registry;
		if (registry == null || injection.dryRun()) {
			return;
		}
		// request and client injections have no bean: their target holds a real path,
		// which
		// would make tag values unbounded, so they are tagged by where they happened only
		String bean = (injection.beanName() != null) ? injection.beanName() : "none";
		String method = (injection.method() != null) ? injection.method().getName() : "none";
		CounterKey key = new CounterKey(injection.assault(), injection.effect(), bean, method);
		this.counters
			.computeIfAbsent(key,
					(k) -> Counter.builder("chaos.injections")
						.description("Faults injected by chaos assaults")
						.tag("assault", k.assault())
						.tag("effect", k.effect())
						.tag("bean", k.bean())
						.tag("method", k.method())
						.register(registry))
			.increment();
	}

	private record CounterKey(String assault, String effect, String bean, String method) {
	}

}
