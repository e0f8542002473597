package io.github.chaosstarter.scenarios.input;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import io.github.chaosstarter.scenarios.input.fixture.HostileBodies;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.FieldCase;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.StandardCase;
import io.github.chaosstarter.scenarios.input.fixture.Json;
import io.github.chaosstarter.scenarios.input.fixture.PropertyWalk;
import io.github.chaosstarter.scenarios.input.fixture.StartupCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated hostile bodies themselves: enough of them, each once, with a readable
 * name, and every runtime property of the {@code chaos.*} tree attacked.
 */
class HostileInputBodiesTests {

	@Test
	void atLeastThreeHundredDistinctBodiesAreGenerated() {
		List<FieldCase> fieldCases = HostileBodies.fieldCases();
		List<StandardCase> standardCases = HostileBodies.standardCases();
		Set<String> bodies = new HashSet<>();
		fieldCases.forEach((c) -> bodies.add(c.body()));
		standardCases.forEach((c) -> bodies.add(new String(c.body(), StandardCharsets.UTF_8)));
		assertThat(bodies).hasSize(fieldCases.size() + standardCases.size());
		assertThat(bodies).hasSizeGreaterThanOrEqualTo(300);
		System.out.println("Distinct hostile bodies: " + bodies.size() + " (" + fieldCases.size()
				+ " refused with a field, " + standardCases.size() + " with the standard error body), plus "
				+ HostileBodies.queryCases().size() + " query cases, " + HostileBodies.requestCases().size()
				+ " request cases and " + HostileBodies.validBodies().size() + " valid bodies");
	}

	@Test
	void everyCaseHasAUniqueReadableName() {
		Set<String> names = new HashSet<>();
		for (FieldCase c : HostileBodies.fieldCases()) {
			assertThat(names.add(c.name())).as(c.name()).isTrue();
			assertThat(c.name()).hasSizeLessThan(200);
			assertThat(c.fields()).isNotEmpty();
		}
		for (StandardCase c : HostileBodies.standardCases()) {
			assertThat(names.add(c.name())).as(c.name()).isTrue();
			if (c.name().contains("300 KB")) {
				assertThat(c.body()).as(c.name()).hasSizeGreaterThan(256 * 1024);
			}
		}
	}

	@Test
	void everyRuntimePropertyIsAttacked() {
		Set<String> attacked = new TreeSet<>();
		HostileBodies.bases()
			.forEach((name, base) -> PropertyWalk.slots(name, base).forEach((slot) -> attacked.add(slot.pattern())));
		assertThat(attacked).containsAll(PropertyWalk.runtimePatterns());
		assertThat(PropertyWalk.runtimePatterns()).contains("enabled", "duration", "dry-run", "seed",
				"guard.max-error-rate", "guard.window", "assaults.*.probability", "assaults.*.max-injections",
				"assaults.*.enabled", "assaults.*.target.kinds", "assaults.*.target.beans", "assaults.*.target.classes",
				"assaults.*.target.methods", "assaults.*.target.principal", "assaults.*.target.http.paths",
				"assaults.*.target.http.methods", "assaults.*.target.http.headers", "assaults.*.target.client.hosts",
				"assaults.*.target.client.paths", "assaults.*.target.client.methods", "assaults.*.exception.type",
				"assaults.*.exception.message", "assaults.*.latency.min", "assaults.*.latency.max",
				"assaults.*.error-response.status", "assaults.*.error-response.retry-after", "assaults.*.kill.mode",
				"assaults.*.kill.exit-code");
	}

	@Test
	void everyGeneratedObjectBodyIsJson() {
		for (FieldCase c : HostileBodies.fieldCases()) {
			if (c.body().length() < 100_000) {
				Map<String, Object> parsed = JsonParserFactory.getJsonParser().parseMap(c.body());
				assertThat(parsed).as(c.name()).isNotNull();
			}
		}
		HostileBodies.validBodies()
			.forEach((valid) -> assertThat(JsonParserFactory.getJsonParser().parseMap(valid.body())).isNotEmpty());
	}

	@Test
	void atLeastThirtyBadValuesAreAlsoWrittenAsProperties() {
		assertThat(StartupCases.invalid()).hasSizeGreaterThanOrEqualTo(30);
		String written = Json.write(Json.obj("a", Json.arr(1, null, Json.raw("1e400"), "q\"b\\" + (char) 1)));
		assertThat(written).isEqualTo("{\"a\": [1, null, 1e400, \"q\\\"b\\\\\\u0001\"]}");
	}

}
