package io.github.chaosstarter.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reference from the starter's classes to a Spring type that Spring Boot 3.5 and
 * Spring Framework 6.2 do not have is a known one, kept behind a
 * {@code @ConditionalOnClass(name = …)} guard. A class that loads on Boot 3.5 and names
 * such a type fails there with {@code NoClassDefFoundError}, often only on the code path
 * that uses it, which the other tests may not reach. This test reads the constant pools
 * of the jar built for Boot 4 and looks each referenced type up on this module's (Boot
 * 3.5) class path.
 */
class Boot4OnlyReferencesTests {

	/**
	 * References that are known and guarded: {@code referencing class -> missing type}.
	 * Add a line here only after putting the referencing class behind
	 * {@code @ConditionalOnClass(name = "<missing type>")} (see docs/compatibility.md).
	 * Lines for classes that this build does not have are harmless.
	 */
	private static final Set<String> GUARDED = Set.of(
			"io.github.chaosstarter.report.SpringRetryListener"
					+ " -> org.springframework.resilience.retry.MethodRetryEvent",
			"io.github.chaosstarter.web.ChaosClientAutoConfiguration$RestTemplateCustomizerConfiguration"
					+ " -> org.springframework.boot.restclient.RestTemplateCustomizer");

	/**
	 * Separate projects: optional libraries of the starter, absent from this class path
	 * on purpose.
	 */
	private static final List<String> OPTIONAL_PROJECTS = List.of("org.springframework.security.",
			"org.springframework.cloud.", "org.springframework.data.", "org.springframework.retry.",
			"org.springframework.session.", "org.springframework.kafka.", "org.springframework.amqp.",
			"org.springframework.graphql.", "org.springframework.batch.", "org.springframework.integration.");

	private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([A-Za-z_$][\\w/$]*);");

	@Test
	void starterReferencesNoUnguardedBoot4OnlyType() throws Exception {
		Set<String> missing = new TreeSet<>();
		ClassLoader classLoader = getClass().getClassLoader();
		for (ClassReader reader : starterClasses()) {
			String referencing = reader.getClassName().replace('/', '.');
			for (String type : referencedTypes(reader)) {
				if (isSpring(type) && !ClassUtils.isPresent(type, classLoader)) {
					missing.add(referencing + " -> " + type);
				}
			}
		}
		assertThat(missing)
			.as("types missing on Spring Boot 3.5 referenced from the starter's classes; guard each with "
					+ "@ConditionalOnClass(name = ...) on its own configuration class, then list it in GUARDED")
			.isSubsetOf(GUARDED);
	}

	@Test
	void starterClassesAreFound() throws Exception {
		assertThat(starterClasses()).extracting(ClassReader::getClassName)
			.contains("io/github/chaosstarter/engine/ChaosAutoConfiguration");
	}

	private static boolean isSpring(String type) {
		return (type.startsWith("org.springframework.") || type.startsWith("tools.jackson."))
				&& OPTIONAL_PROJECTS.stream().noneMatch(type::startsWith);
	}

	/**
	 * Class entries and the types in descriptors and signatures of one class's constant
	 * pool.
	 */
	private static Set<String> referencedTypes(ClassReader reader) {
		Set<String> types = new TreeSet<>();
		for (int item = 1; item < reader.getItemCount(); item++) {
			int offset = reader.getItem(item);
			if (offset == 0 || reader.readByte(offset - 1) != 1) {
				continue; // not a CONSTANT_Utf8 entry
			}
			String value = new String(reader.readBytes(offset + 2, reader.readUnsignedShort(offset)),
					StandardCharsets.UTF_8);
			if (value.matches("[A-Za-z_$][\\w$]*(/[A-Za-z_$][\\w$]*)+")) {
				types.add(value.replace('/', '.'));
			}
			Matcher matcher = DESCRIPTOR_TYPE.matcher(value);
			while (matcher.find()) {
				types.add(matcher.group(1).replace('/', '.'));
			}
		}
		return types;
	}

	/**
	 * The classes of chaos-spring-boot-autoconfigure: its jar, or its classes directory
	 * in an IDE.
	 */
	private static List<ClassReader> starterClasses() throws IOException, URISyntaxException {
		Path location = Path
			.of(ChaosAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<ClassReader> readers = new ArrayList<>();
		if (Files.isDirectory(location)) {
			try (Stream<Path> files = Files.walk(location)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
					readers.add(new ClassReader(Files.readAllBytes(file)));
				}
			}
			return readers;
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			jar.stream()
				.filter((entry) -> entry.getName().endsWith(".class"))
				.forEach((entry) -> readers.add(read(jar, entry)));
		}
		return readers;
	}

	private static ClassReader read(JarFile jar, JarEntry entry) {
		try (InputStream in = jar.getInputStream(entry)) {
			return new ClassReader(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
