package io.github.chaosstarter.compat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing from the Spring Boot 4 line reached this module's class path: the starter's own
 * dependencies are managed down to their Boot 3.5 versions by the Boot 3.5 BOM that a
 * user's build (here, this module's pom) imports. The shared scenarios that this module
 * compiles from {@code scenarios/src/test/java} therefore run on Spring Boot 3.5.
 */
class Boot3ClassPathTests {

	@Test
	void runsOnSpringBoot35AndSpringFramework62() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(SpringVersion.getVersion()).startsWith("6.2.");
	}

	@Test
	void springBootJarsAreAllVersion357() throws IOException {
		assertThat(jarsUnder("/org/springframework/boot/")).isNotEmpty()
			.allSatisfy((jar) -> assertThat(jar).endsWith("-3.5.7.jar"));
	}

	@Test
	void springFrameworkJarsAreAllVersion62() throws IOException {
		assertThat(jarsUnder("/org/springframework/spring-")).isNotEmpty()
			.allSatisfy((jar) -> assertThat(jar).matches(".*-6\\.2\\.\\d+\\.jar"));
	}

	@Test
	void noJackson3AndNoBoot4OnlyModules() throws IOException {
		assertThat(jarsUnder("/tools/jackson/")).isEmpty();
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(List.of("org.springframework.boot.health.contributor.HealthContributor",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.restclient.RestTemplateCustomizer"))
			.noneMatch((type) -> ClassUtils.isPresent(type, classLoader));
	}

	/** Every jar on the class path has a manifest: its URL names the jar. */
	private List<String> jarsUnder(String path) throws IOException {
		List<String> jars = new ArrayList<>();
		for (URL manifest : Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
			String location = manifest.toString();
			int end = location.indexOf("!/");
			if (location.startsWith("jar:") && end > 0 && location.contains(path)) {
				jars.add(location.substring(0, end));
			}
		}
		return jars;
	}

}
