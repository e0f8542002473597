package io.github.chaosstarter.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture test classes with the JUnit Platform's {@link EngineTestKit}, in this JVM
 * (so with Spring's context cache), as a build would run them.
 */
final class EngineFixtures {

	/** The shared configuration of the fixtures' application contexts. */
	static final String MINIMUM_CALLS = "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=4";

	/** The shared configuration of the fixtures' application contexts. */
	static final String WINDOW_SIZE = "resilience4j.circuitbreaker.instances.payments.sliding-window-size=4";

	private static final String FIXTURE_PARAMETER = "chaos.test.fixture";

	/** JUnit's parallel execution: test classes and methods concurrently. */
	static final Map<String, String> PARALLEL = Map.of("junit.jupiter.execution.parallel.enabled", "true",
			"junit.jupiter.execution.parallel.mode.default", "concurrent",
			"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
			"junit.jupiter.execution.parallel.config.strategy", "fixed",
			"junit.jupiter.execution.parallel.config.fixed.parallelism", "6");

	private EngineFixtures() {
	}

	static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
		return EngineTestKit.engine("junit-jupiter")
			.configurationParameter(FIXTURE_PARAMETER, "true")
			.configurationParameters(parameters)
			.selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toArray(ClassSelector[]::new))
			.execute();
	}

	/**
	 * Marks a test class that runs only when a test starts it through
	 * {@link EngineFixtures#run}, never on its own.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@ExtendWith(OnlyThroughEngineFixtures.class)
	@interface Fixture {

	}

	static class OnlyThroughEngineFixtures implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(FIXTURE_PARAMETER).isPresent()
					? ConditionEvaluationResult.enabled("run by EngineFixtures")
					: ConditionEvaluationResult.disabled("a fixture: a test runs it with EngineFixtures");
		}

	}

}
