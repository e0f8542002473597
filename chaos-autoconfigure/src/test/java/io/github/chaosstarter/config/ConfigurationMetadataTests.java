package io.github.chaosstarter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IDE reads to complete {@code chaos.*} keys: Boot's metadata format cannot list
 * the keys below a map's values, so {@code chaos.assaults} must carry its value type (the
 * IDE resolves {@code chaos.assaults.<name>.*} from it), and every property of the
 * properties classes must have Javadoc, which becomes its description.
 */
class ConfigurationMetadataTests {

	private static final Pattern FIELD = Pattern.compile("^\\t+private (?:final )?[\\w.<>, @]+ (\\w+)( = .*)?;$");

	@Test
	void assaultsAreDescribedWithTheirValueType() throws IOException {
		List<Map<String, Object>> properties = properties();
		assertThat(properties).filteredOn((property) -> "chaos.assaults".equals(property.get("name")))
			.singleElement()
			.satisfies((assaults) -> {
				assertThat(assaults.get("type"))
					.isEqualTo("java.util.Map<java.lang.String,io.github.chaosstarter.config.ChaosProperties$Assault>");
				assertThat((String) assaults.get("description")).isNotBlank();
			});
	}

	@Test
	void everyTopLevelPropertyHasADescription() throws IOException {
		assertThat(properties()).filteredOn((property) -> ((String) property.get("name")).startsWith("chaos."))
			.hasSizeGreaterThanOrEqualTo(9)
			.allSatisfy((property) -> assertThat((String) property.get("description")).as("%s", property.get("name"))
				.isNotBlank());
	}

	@Test
	void everyFieldOfThePropertiesClassesHasJavadoc() throws IOException {
		List<String> lines = Files.readAllLines(
				Path.of("src/main/java/io/github/chaosstarter/config/ChaosProperties.java"), StandardCharsets.UTF_8);
		List<String> fields = new ArrayList<>();
		List<String> undocumented = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher field = FIELD.matcher(lines.get(i));
			if (field.matches() && !lines.get(i).contains(" static ")) {
				fields.add(field.group(1));
				if (i == 0 || !lines.get(i - 1).trim().endsWith("*/")) {
					undocumented.add(field.group(1) + " (line " + (i + 1) + ")");
				}
			}
		}
		assertThat(fields).as("fields found").hasSizeGreaterThan(30).contains("probability", "retryAfter", "hosts");
		assertThat(undocumented).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> properties() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			Map<String, Object> metadata = JsonParserFactory.getJsonParser()
				.parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
			return (List<Map<String, Object>>) metadata.get("properties");
		}
	}

}
