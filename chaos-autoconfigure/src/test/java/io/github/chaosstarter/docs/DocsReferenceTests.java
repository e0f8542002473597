package io.github.chaosstarter.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.util.StreamUtils;

import io.github.chaosstarter.config.ChaosProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/reference.md} in step with the code: every property of the generated
 * configuration metadata and every property of an assault is documented, and the page
 * names no {@code chaos.} property that the code does not have.
 * <p>
 * The assault properties are not in the metadata (they are values of the
 * {@code chaos.assaults} map), so they are derived from {@link ChaosProperties.Assault}'s
 * bean properties, recursively, kebab-cased, as Spring Boot binds them.
 */
class DocsReferenceTests {

	private static final Path REFERENCE = Path.of("..", "docs", "reference.md");

	private static final String ASSAULT_PREFIX = "chaos.assaults.<name>";

	// a property name: "chaos." not preceded by a name character or a dot (so neither
	// "management.endpoint.chaos.access" nor "io.github.chaosstarter" counts)
	private static final Pattern PROPERTY = Pattern
		.compile("(?<![\\w.-])chaos\\.[A-Za-z0-9<>*\\[\\]._-]*[A-Za-z0-9>\\]]");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`(chaos\\.[^`]+)`\\s*\\|", Pattern.MULTILINE);

	private static Set<String> metadataProperties;

	private static Set<String> metadataGroups;

	private static Set<String> assaultProperties;

	private static Set<String> assaultNodes;

	private static Set<String> mapProperties;

	private static String reference;

	@BeforeAll
	static void readMetadataModelAndDocs() throws IOException {
		metadataProperties = new TreeSet<>();
		metadataGroups = new TreeSet<>();
		mapProperties = new TreeSet<>();
		Enumeration<URL> metadata = DocsReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (metadata.hasMoreElements()) {
			String json;
			try (InputStream in = metadata.nextElement().openStream()) {
				json = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
			}
			Map<String, List<Map<String, Object>>> root = JsonPath.read(json, "$");
			for (Map<String, Object> property : root.getOrDefault("properties", List.of())) {
				String name = (String) property.get("name");
				if (name.startsWith("chaos.")) {
					metadataProperties.add(name);
					if (String.valueOf(property.get("type")).startsWith("java.util.Map")) {
						mapProperties.add(name);
					}
				}
			}
			for (Map<String, Object> group : root.getOrDefault("groups", List.of())) {
				String name = (String) group.get("name");
				if (name.startsWith("chaos.")) {
					metadataGroups.add(name);
				}
			}
		}
		assaultProperties = new TreeSet<>();
		assaultNodes = new TreeSet<>();
		collect(ASSAULT_PREFIX, ChaosProperties.Assault.class);
		reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
	}

	private static void collect(String prefix, Class<?> type) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + kebabCase(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			if (propertyType.getEnclosingClass() == ChaosProperties.class) {
				assaultNodes.add(name);
				collect(name, propertyType);
			}
			else {
				assaultProperties.add(name);
				if (Map.class.isAssignableFrom(propertyType)) {
					mapProperties.add(name);
				}
			}
		}
	}

	private static String kebabCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	@Test
	void metadataIsFoundAndAssaultModelIsDerived() {
		assertThat(metadataProperties).contains("chaos.enabled", "chaos.assaults", "chaos.guard.window");
		assertThat(assaultProperties).contains("chaos.assaults.<name>.target.client.hosts",
				"chaos.assaults.<name>.error-response.retry-after", "chaos.assaults.<name>.max-injections");
		assertThat(assaultNodes).contains("chaos.assaults.<name>.target", "chaos.assaults.<name>.target.http");
	}

	@Test
	void everyMetadataPropertyIsDocumented() {
		assertThat(undocumented(metadataProperties))
			.as("configuration metadata properties without a row in docs/reference.md")
			.isEmpty();
	}

	@Test
	void everyAssaultPropertyIsDocumented() {
		assertThat(undocumented(assaultProperties))
			.as("ChaosProperties.Assault properties without a row in docs/reference.md")
			.isEmpty();
	}

	@Test
	void docsNameNoPropertyTheCodeDoesNotHave() {
		Map<String, String> unknown = new TreeMap<>();
		Matcher matcher = PROPERTY.matcher(reference);
		while (matcher.find()) {
			String name = normalize(matcher.group());
			if (!isKnown(name)) {
				unknown.put(name, matcher.group());
			}
		}
		assertThat(unknown).as("chaos.* names in docs/reference.md that the code does not have").isEmpty();
	}

	private static Set<String> undocumented(Set<String> properties) {
		Set<String> result = new TreeSet<>(properties);
		result.removeAll(documented());
		return result;
	}

	/**
	 * Return the properties that have a row of their own in a reference table, i.e. a
	 * line starting with {@code | `chaos.…` |}.
	 */
	private static Set<String> documented() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = TABLE_ROW.matcher(reference);
		while (matcher.find()) {
			names.add(normalize(matcher.group(1)));
		}
		return names;
	}

	/**
	 * Write a name found in the docs as the model does: list indexes dropped and the
	 * assault's name (any key of {@code chaos.assaults}) replaced by {@code <name>}.
	 */
	private static String normalize(String name) {
		String result = name.replaceAll("\\[\\d+]", "");
		if (result.startsWith("chaos.assaults.")) {
			String rest = result.substring("chaos.assaults.".length());
			int dot = rest.indexOf('.');
			result = ASSAULT_PREFIX + ((dot >= 0) ? rest.substring(dot) : "");
		}
		return result;
	}

	private static boolean isKnown(String name) {
		if (metadataProperties.contains(name) || metadataGroups.contains(name) || assaultProperties.contains(name)
				|| assaultNodes.contains(name) || name.equals(ASSAULT_PREFIX)) {
			return true;
		}
		// a key inside a map-valued property, e.g. ...target.http.headers.X-Chaos
		return mapProperties.stream()
			.filter((map) -> !map.equals("chaos.assaults"))
			.anyMatch((map) -> name.startsWith(map + ".") && name.indexOf('.', map.length() + 1) < 0);
	}

}
