package io.github.chaosstarter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.docs.DocsBlocks.Block;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Java examples of the user documentation executed: every {@code java} block of
 * {@code README.md} and {@code docs/} must appear verbatim (white space aside: the
 * formatter may wrap lines differently) in a test source that the build runs — the
 * {@code com.acme.shop} tests of this module, whose package is the one the pages show, or
 * the Spring Boot 3.5 tests of {@code compat-boot3}.
 */
class DocsJavaExamplesTests {

	private static final List<Path> TEST_SOURCES = List.of(Path.of("src", "test", "java"),
			DocsBlocks.ROOT.resolve("compat-boot3").resolve("src").resolve("test").resolve("java"),
			DocsBlocks.ROOT.resolve("scenarios").resolve("src").resolve("test").resolve("java"),
			DocsBlocks.ROOT.resolve("chaos-test").resolve("src").resolve("test").resolve("java"));

	@Test
	void everyJavaBlockIsTheCodeOfATest() {
		Map<Path, String> sources = sources();
		int found = 0;
		for (Block block : DocsBlocks.all()) {
			if (!block.is("java")) {
				continue;
			}
			String code = squeeze(block.text());
			List<Path> tests = sources.entrySet()
				.stream()
				.filter((source) -> source.getValue().contains(code))
				.map(Map.Entry::getKey)
				.toList();
			assertThat(tests).as(block + " is the code of a test (verbatim, white space aside)").isNotEmpty();
			assertThat(tests).as(block + " is the code of a test that contains @Test")
				.anyMatch((test) -> sources.get(test).contains("@Test"));
			found++;
		}
		assertThat(found).as("Java blocks in the docs").isGreaterThanOrEqualTo(6);
	}

	private static Map<Path, String> sources() {
		Map<Path, String> sources = new LinkedHashMap<>();
		for (Path root : TEST_SOURCES) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.forEach((file) -> sources.put(file, squeeze(read(file))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sources;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String squeeze(String code) {
		return code.replaceAll("\\s+", "");
	}

}
