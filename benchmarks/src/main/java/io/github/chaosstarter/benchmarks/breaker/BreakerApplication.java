package io.github.chaosstarter.benchmarks.breaker;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;

/**
 * An application with Resilience4j and the two services of this package, with or without
 * Chaos Starter.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ GuardedService.class, UnguardedService.class })
public class BreakerApplication {

	/**
	 * Start a non-web context.
	 * @param starter whether Chaos Starter's auto-configurations apply
	 * @param properties properties of this variant
	 * @return the started context
	 */
	public static ConfigurableApplicationContext start(boolean starter, Map<String, Object> properties) {
		return start(starter, properties, new ApplicationContextInitializer<?>[0]);
	}

	/**
	 * Start a non-web context.
	 * @param starter whether Chaos Starter's auto-configurations apply
	 * @param properties properties of this variant
	 * @param initializers initializers of the context (for example one registering a
	 * listener)
	 * @return the started context
	 */
	public static ConfigurableApplicationContext start(boolean starter, Map<String, Object> properties,
			ApplicationContextInitializer<?>... initializers) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		String excluded = String.join(",", BenchmarkApplication.CHAOS_MONKEY);
		if (!starter) {
			excluded += "," + String.join(",", BenchmarkApplication.CHAOS_STARTER);
		}
		all.put("spring.autoconfigure.exclude", excluded);
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "error");
		all.put("resilience4j.circuitbreaker.instances.guarded.sliding-window-size", "100");
		return new SpringApplicationBuilder(BreakerApplication.class).web(WebApplicationType.NONE)
			.initializers(initializers)
			.properties(all)
			.run();
	}

}
