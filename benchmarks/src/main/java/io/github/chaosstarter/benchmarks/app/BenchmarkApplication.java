package io.github.chaosstarter.benchmarks.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * A plain Spring Boot application holding the two services, as a user would write it.
 * Each benchmark variant starts it with properties that select what it measures:
 * {@link #start(List, Map, Class...)} excludes the auto-configurations of the library a
 * variant does not measure, so Chaos Starter and Chaos Monkey for Spring Boot are never
 * in the same context.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = BenchmarkApplication.class)
public class BenchmarkApplication {

	/** Chaos Starter's auto-configurations, as its jar registers them. */
	public static final List<String> CHAOS_STARTER = starterAutoConfigurations();

	/** Chaos Monkey for Spring Boot's auto-configuration. */
	public static final List<String> CHAOS_MONKEY = List
		.of("de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration");

	/**
	 * Start a non-web context.
	 * @param excluded auto-configurations to exclude
	 * @param properties properties of this variant
	 * @param extra further configuration classes (for example a no-op aspect)
	 * @return the started context
	 */
	public static ConfigurableApplicationContext start(List<String> excluded, Map<String, Object> properties,
			Class<?>... extra) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("spring.autoconfigure.exclude", String.join(",", excluded));
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "error");
		List<Class<?>> sources = new ArrayList<>();
		sources.add(BenchmarkApplication.class);
		sources.addAll(List.of(extra));
		return new SpringApplicationBuilder(sources.toArray(new Class<?>[0])).web(WebApplicationType.NONE)
			.properties(all)
			.run();
	}

	private static List<String> starterAutoConfigurations() {
		List<String> names = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, BenchmarkApplication.class.getClassLoader()).forEach((name) -> {
			if (name.startsWith("io.github.chaosstarter.")) {
				names.add(name);
			}
		});
		if (names.isEmpty()) {
			throw new IllegalStateException("Chaos Starter's auto-configurations were not found");
		}
		return List.copyOf(names);
	}

	/**
	 * Both libraries' auto-configurations.
	 * @return the names
	 */
	public static List<String> both() {
		List<String> both = new ArrayList<>(CHAOS_STARTER);
		both.addAll(CHAOS_MONKEY);
		return both;
	}

}
