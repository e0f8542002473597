package io.github.chaosstarter.docs;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StreamUtils;

import io.github.chaosstarter.config.ChaosProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/reference.md} in step with the code: every property of the generated
 * configuration metadata and every property of an assault is documented, every row of a
 * property table shows the type and the default that {@link ChaosProperties} has, and the
 * page names no {@code chaos.} property that the code does not have.
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

	// the key of the page's example of a misspelt key failing startup (which
	// DocsConfigurationExamplesTests proves to fail so)
	private static final Pattern MISSPELT_EXAMPLE = Pattern
		.compile("Unknown chaos configuration:\\s+Property: (chaos\\.\\S+)");

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
	void docsNameNoPropertyTheCodeDoesNotHaveButTheMisspeltExample() {
		Map<String, String> unknown = new TreeMap<>();
		Set<String> misspelt = new TreeSet<>();
		Matcher example = MISSPELT_EXAMPLE.matcher(reference);
		while (example.find()) {
			misspelt.add(example.group(1));
		}
		assertThat(misspelt).as("the page shows a misspelt key failing startup").isNotEmpty();
		Matcher matcher = PROPERTY.matcher(reference);
		while (matcher.find()) {
			String name = normalize(matcher.group());
			if (!isKnown(name) && !misspelt.contains(matcher.group())) {
				unknown.put(name, matcher.group());
			}
		}
		assertThat(unknown).as("chaos.* names in docs/reference.md that the code does not have").isEmpty();
	}

	@Test
	void everyPropertyRowShowsTheTypeAndTheDefaultOfChaosProperties() {
		List<String> wrong = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (String[] row : propertyRows()) {
			String name = normalize(row[0]);
			if (!isKnown(name)) {
				continue;
			}
			Target target = target(name);
			Class<?> type = target.wrapper().getPropertyType(target.path());
			Object value = target.wrapper().getPropertyValue(target.path());
			String expectedType = typeName(type);
			if (!row[1].startsWith(expectedType)) {
				wrong.add(name + ": type '" + row[1] + "', but " + type.getSimpleName() + " is '" + expectedType
						+ "...'");
			}
			String problem = defaultProblem(row[2], value);
			if (problem != null) {
				wrong.add(name + ": default '" + row[2] + "', but " + problem);
			}
			checked.add(name);
		}
		assertThat(wrong).as("rows of docs/reference.md whose type or default differs from ChaosProperties").isEmpty();
		Set<String> all = new TreeSet<>(metadataProperties);
		all.addAll(assaultProperties);
		all.addAll(assaultNodes);
		assertThat(checked).as("property rows checked for type and default").containsAll(all);
	}

	/**
	 * Return the rows of the property tables: {@code | property | type | default | ...}.
	 * @return name, type and default of each row, without backticks around the name
	 */
	private static List<String[]> propertyRows() {
		List<String[]> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : reference.split("\n")) {
			if (line.startsWith("| property | type | default |")) {
				inTable = true;
				continue;
			}
			if (!line.startsWith("|")) {
				inTable = false;
				continue;
			}
			Matcher row = TABLE_ROW.matcher(line);
			if (inTable && row.find()) {
				String[] cells = line.split("\\|", -1);
				rows.add(new String[] { row.group(1), cells[2].trim(), cells[3].trim() });
			}
		}
		return rows;
	}

	/**
	 * Find where a documented property lives in a fresh properties object: the top-level
	 * {@link ChaosProperties} or, for {@code chaos.assaults.<name>.*}, a fresh assault.
	 * Nested objects that are {@code null} by default (effects) are created on the way.
	 */
	private static Target target(String name) {
		Object root;
		String path;
		if (name.startsWith(ASSAULT_PREFIX + ".")) {
			root = new ChaosProperties.Assault();
			path = name.substring(ASSAULT_PREFIX.length() + 1);
		}
		else {
			root = new ChaosProperties();
			path = name.substring("chaos.".length());
		}
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(root);
		String[] parts = path.split("\\.");
		StringBuilder camel = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			camel.append((i > 0) ? "." : "").append(camelCase(parts[i]));
			if (i < parts.length - 1 && wrapper.getPropertyValue(camel.toString()) == null) {
				wrapper.setPropertyValue(camel.toString(),
						BeanUtils.instantiateClass(wrapper.getPropertyType(camel.toString())));
			}
		}
		return new Target(wrapper, camel.toString());
	}

	private static String camelCase(String kebab) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}

	/**
	 * Return how the type column must start for a property of the given type.
	 */
	private static String typeName(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (type == double.class || type == Double.class) {
			return "double";
		}
		if (type == long.class || type == Long.class) {
			return "long";
		}
		if (type == int.class || type == Integer.class) {
			return "int";
		}
		if (type == Duration.class) {
			return "Duration";
		}
		if (type == String.class) {
			return "string";
		}
		if (List.class.isAssignableFrom(type)) {
			return "list of";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "map of";
		}
		if (type.getEnclosingClass() == ChaosProperties.class) {
			return "object";
		}
		throw new IllegalStateException("No documented type name for " + type);
	}

	/**
	 * Check the default column: {@code none...} for {@code null}, {@code empty...} for an
	 * empty collection or a nested object, else its first code span must be the value.
	 * @return what is wrong, or {@code null}
	 */
	private static String defaultProblem(String cell, Object value) {
		if (value == null) {
			return cell.startsWith("none") ? null : "it is not set by default (write 'none ...')";
		}
		boolean empty = (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())
				|| value.getClass().getEnclosingClass() == ChaosProperties.class;
		if (empty) {
			return cell.startsWith("empty") ? null : "it is empty by default (write 'empty ...')";
		}
		Matcher code = Pattern.compile("`([^`]*)`").matcher(cell);
		if (!code.find()) {
			return "the default " + value + " is not shown as code";
		}
		String shown = code.group(1);
		boolean matches;
		if (value instanceof Duration duration) {
			matches = DurationStyle.detectAndParse(shown).equals(duration);
		}
		else if (value instanceof Number number) {
			matches = Double.parseDouble(shown) == number.doubleValue();
		}
		else if (value instanceof List<?> list) {
			matches = Arrays.asList(shown.split("\\s*,\\s*")).equals(list);
		}
		else {
			matches = shown.equals(String.valueOf(value));
		}
		return matches ? null : "the default is " + value;
	}

	private record Target(BeanWrapper wrapper, String path) {
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
