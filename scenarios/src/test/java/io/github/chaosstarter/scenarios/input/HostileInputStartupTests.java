package io.github.chaosstarter.scenarios.input;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.scenarios.input.fixture.StartupCases;
import io.github.chaosstarter.scenarios.input.fixture.StartupCases.BadProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile values written as {@code chaos.*} properties fail startup with an
 * {@link InvalidChaosPropertyException} naming the property, described by the starter's
 * failure analyzer.
 */
class HostileInputStartupTests {

	private static final String INVALID_ANALYZER = "io.github.chaosstarter.engine.InvalidChaosPropertyFailureAnalyzer";

	private static final String UNKNOWN_ANALYZER = "io.github.chaosstarter.engine.UnknownChaosPropertyFailureAnalyzer";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class));

	static Stream<Arguments> invalid() {
		return StartupCases.invalid().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> unconvertible() {
		return StartupCases.unconvertible().stream().map((c) -> Arguments.of(c.name(), c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void invalidValueFailsStartupNamingTheProperty(String name, BadProperties bad) {
		this.contextRunner.withPropertyValues(bad.properties().toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().isInstanceOf(InvalidChaosPropertyException.class);
			InvalidChaosPropertyException root = (InvalidChaosPropertyException) rootCause(failure);
			assertThat(root.getProperty()).isEqualTo(bad.property());
			assertThat(root.getReason()).contains(bad.reason());
			assertThat(root.getMessage()).isEqualTo(bad.property() + ": " + root.getReason()).hasSizeLessThan(1000);
			FailureAnalysis analysis = analyze(failure, INVALID_ANALYZER);
			assertThat(analysis.getDescription()).contains("Property: " + bad.property())
				.contains("Reason: " + root.getReason());
			assertThat(analysis.getAction()).contains(bad.property());
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconvertible")
	void unconvertibleValueFailsStartupNamingTheProperty(String name, BadProperties bad) {
		this.contextRunner.withPropertyValues(bad.properties().toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			boolean named = false;
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				named = named || String.valueOf(cause.getMessage()).contains(bad.property());
			}
			assertThat(named).as("a cause names %s: %s", bad.property(), context.getStartupFailure()).isTrue();
		});
	}

	@Test
	void misspeltPropertiesFailStartupNamingTheNearestOne() {
		String[][] misspellings = { { "chaos.enabeld=true", "chaos.enabeld", "chaos.enabled" },
				{ "chaos.gaurd.window=1s", "chaos.gaurd.window", "chaos.guard" },
				{ "chaos.assaults.x.probabilty=0.5", "chaos.assaults.x.probabilty", "chaos.assaults.x.probability" },
				{ "chaos.assaults.x.target.kind=service", "chaos.assaults.x.target.kind",
						"chaos.assaults.x.target.kinds" },
				{ "chaos.assaults.x.latency.mni=1s", "chaos.assaults.x.latency.mni", null } };
		for (String[] misspelling : misspellings) {
			this.contextRunner.withPropertyValues(misspelling[0], "chaos.assaults.x.exception.message=m")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = analyze(context.getStartupFailure(), UNKNOWN_ANALYZER);
					assertThat(analysis.getDescription()).contains(misspelling[1]);
					if (misspelling[2] != null) {
						assertThat(analysis.getDescription()).contains("did you mean '" + misspelling[2] + "'?");
					}
				});
		}
	}

	@Test
	void theAnalyzersAreRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					})))
			.extracting((analyzer) -> analyzer.getClass().getName())
			.contains(INVALID_ANALYZER, UNKNOWN_ANALYZER);
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	private static FailureAnalysis analyze(Throwable failure, String analyzerName) {
		FailureAnalyzer analyzer = (FailureAnalyzer) BeanUtils
			.instantiateClass(ClassUtils.resolveClassName(analyzerName, null));
		FailureAnalysis analysis = analyzer.analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
