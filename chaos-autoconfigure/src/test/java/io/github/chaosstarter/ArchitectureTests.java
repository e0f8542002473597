package io.github.chaosstarter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the starter's public API: the public top-level types (nested types of a public
 * type are not counted) can only change on purpose, by editing the list below and the API
 * section of docs/how-it-works.md with it. Everything else is machinery and stays
 * package-private.
 */
class ArchitectureTests {

	private static final List<String> PUBLIC_TYPES = List.of("io.github.chaosstarter.AssaultBuilder",
			"io.github.chaosstarter.chaosmonkey.ChaosMonkeyAutoConfiguration", "io.github.chaosstarter.Chaos",
			"io.github.chaosstarter.ChaosErrorResponseException", "io.github.chaosstarter.ChaosException",
			"io.github.chaosstarter.InvalidChaosPropertyException", "io.github.chaosstarter.TargetBuilder",
			"io.github.chaosstarter.config.ChaosProperties", "io.github.chaosstarter.endpoint.ChaosEndpoint",
			"io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration",
			"io.github.chaosstarter.engine.ChaosAutoConfiguration", "io.github.chaosstarter.engine.ChaosEngine",
			"io.github.chaosstarter.engine.ChaosListener", "io.github.chaosstarter.engine.InjectedFaults",
			"io.github.chaosstarter.engine.JdbcChaos", "io.github.chaosstarter.engine.DependencyChaos",
			"io.github.chaosstarter.DependencyTargets", "io.github.chaosstarter.ChaosDependencyAutoConfiguration",
			"io.github.chaosstarter.engine.RequestLedger", "io.github.chaosstarter.jdbc.ChaosDataSource",
			"io.github.chaosstarter.engine.RequestFacts", "io.github.chaosstarter.engine.Strike",
			"io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration",
			"io.github.chaosstarter.report.ChaosReportAutoConfiguration",
			"io.github.chaosstarter.report.ResilienceReport", "io.github.chaosstarter.report.ServiceReport",
			"io.github.chaosstarter.report.Verdict", "io.github.chaosstarter.web.ChaosClientAutoConfiguration",
			"io.github.chaosstarter.web.ChaosWebAutoConfiguration");

	private static final int MAX_LINES = 300;

	@Test
	void publicTopLevelTypesAreThePinnedApi() throws Exception {
		List<String> publicTypes = mainClassNames().filter((name) -> !name.contains("$"))
			.filter(ArchitectureTests::isPublic)
			.sorted()
			.toList();
		assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
		assertThat(publicTypes).hasSizeLessThanOrEqualTo(30);
	}

	@Test
	void noMainSourceFileButThePropertiesIsOverThreeHundredLines() throws IOException {
		Path sources = Path.of("src/main/java");
		assertThat(sources).isDirectory();
		try (Stream<Path> files = Files.walk(sources)) {
			List<String> large = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.endsWith("ChaosProperties.java"))
				.filter((file) -> lines(file) > MAX_LINES)
				.map((file) -> sources.relativize(file) + " (" + lines(file) + " lines)")
				.toList();
			assertThat(large).isEmpty();
		}
	}

	private static Stream<String> mainClassNames() throws URISyntaxException, IOException {
		Path root = Path.of(Chaos.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(root.resolve("io/github/chaosstarter/Chaos.class")).as("main classes of the starter").exists();
		List<String> names;
		try (Stream<Path> files = Files.walk(root)) {
			names = files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> root.relativize(file).toString())
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.filter((name) -> !name.endsWith("package-info"))
				.toList();
		}
		assertThat(names).hasSizeGreaterThan(PUBLIC_TYPES.size());
		return names.stream();
	}

	/**
	 * Read the class file, not the class: a type that extends an optional library's (the
	 * fleet's bus event) cannot be loaded without it.
	 */
	private static boolean isPublic(String name) {
		String resource = name.replace('.', '/') + ".class";
		try (InputStream in = ArchitectureTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return (new ClassReader(in).getAccess() & Opcodes.ACC_PUBLIC) != 0;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
