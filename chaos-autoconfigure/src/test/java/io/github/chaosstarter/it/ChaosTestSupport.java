package io.github.chaosstarter.it;

import java.util.Map;
import java.util.function.Consumer;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Applies assaults written as properties, validated by the same compiler as the
 * application's configuration.
 */
final class ChaosTestSupport {

	private ChaosTestSupport() {
	}

	static ChaosProperties.Assault exception(Consumer<ChaosProperties.Target> target) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		target.accept(assault.getTarget());
		assault.setException(new ChaosProperties.ExceptionEffect());
		return assault;
	}

	static ChaosProperties.Assault latency(java.time.Duration delay, Consumer<ChaosProperties.Target> target) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		target.accept(assault.getTarget());
		ChaosProperties.Latency latency = new ChaosProperties.Latency();
		latency.setMin(delay);
		latency.setMax(delay);
		assault.setLatency(latency);
		return assault;
	}

	static Chaos.State enable(ChaosEngine engine, Map<String, ChaosProperties.Assault> assaults) {
		assaults.forEach((name, assault) -> engine.put(name, assault, "test", "test setup"));
		return engine.change(Map.of("enabled", true), "test", "test setup");
	}

}
