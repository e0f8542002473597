package io.github.chaosstarter.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.runtime.ChaosRuntime;

/**
 * Applies assaults through the runtime, validated by the same compiler as properties.
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

	static ChaosSpec enable(ChaosRuntime runtime, Map<String, ChaosProperties.Assault> assaults) {
		Map<String, AssaultSpec> specs = new LinkedHashMap<>();
		assaults
			.forEach((name, assault) -> specs.put(name, runtime.compiler().assault("chaos.assaults", name, assault)));
		ChaosSpec spec = runtime.baseline().withEnabled(true).withAssaults(specs);
		runtime.apply(spec, "test", "test setup");
		return spec;
	}

}
