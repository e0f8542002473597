package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a hypothesis counts are matched as Spring's {@code PathPattern} matches them,
 * by literal prefix where the patterns allow it.
 */
class HypothesisPathsTests {

	private static final List<String> PATHS = List.of("/", "/api", "/api/", "/api/orders", "/api/orders/17", "/apix",
			"/apis/orders", "/other", "/other/api/orders", "/admin/x", "/admin", "/administrator", "/v1/shop/items/3",
			"/v1/shop", "/v2/shop/items");

	private static final List<List<String>> PATTERNS = List.of(List.of("/api/**"), List.of("/api/**", "/admin/**"),
			List.of("/v1/shop/**"), List.of("/api/orders/*"), List.of("/**"), List.of("/api/**", "/v*/shop/**"),
			List.of("/api/{name}/**"));

	@Test
	void matchesExactlyAsSpringPathPatterns() {
		for (List<String> patterns : PATTERNS) {
			ChaosSpec.HypothesisSpec hypothesis = new ChaosSpec.HypothesisSpec(patterns, 0.1, null,
					Duration.ofMinutes(5), 10);
			for (String path : PATHS) {
				boolean expected = patterns.stream()
					.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern)
						.matches(PathContainer.parsePath(path)));
				assertThat(HypothesisPaths.matches(hypothesis, path)).as("%s on %s", patterns, path)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void noPathsMeansEveryRequest() {
		ChaosSpec.HypothesisSpec hypothesis = new ChaosSpec.HypothesisSpec(List.of(), 0.1, null, Duration.ofMinutes(5),
				10);
		assertThat(PATHS).allMatch((path) -> HypothesisPaths.matches(hypothesis, path));
	}

}
