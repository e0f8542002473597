package io.github.chaosstarter.chaosmonkey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.InvalidChaosPropertyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the mapping from Chaos Monkey for Spring Boot's settings onto one assault,
 * without a context.
 */
class ChaosMonkeyMappingTests {

	private static final WatcherSettings SERVICES = WatcherSettings.of(List.of("service", "repository"));

	@Test
	void classAndPackagePrefixesBecomeClassPatterns() {
		assertThat(AssaultMapping.target(List.of("com.acme.Order", "com.shop")))
			.containsEntry("classes", List.of("com.acme.Order*", "com.acme.Order*.**", "com.shop*", "com.shop*.**"))
			.doesNotContainKey("methods");
	}

	@Test
	void methodPrefixesOfOneClassBecomeMethodPatterns() {
		assertThat(AssaultMapping.target(List.of("com.acme.OrderService.find", "com.acme.OrderService.place")))
			.containsEntry("classes", List.of("com.acme.OrderService"))
			.containsEntry("methods", List.of("find*", "place*"));
	}

	@Test
	void anEmptyPrefixSelectsEverything() {
		assertThat(AssaultMapping.target(List.of(""))).isEmpty();
		assertThat(AssaultMapping.target(List.of("com.acme", ""))).isEmpty();
		assertThat(AssaultMapping.target(List.of())).isEmpty();
	}

	@Test
	void methodsOfSeveralClassesAreRefused() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> AssaultMapping.target(List.of("com.acme.A.find", "com.acme.B.find")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("watchedCustomServices"));
	}

	@Test
	void litmusEmptyExceptionMeansTheDefault() {
		ExceptionSetting setting = ExceptionSetting.of("exceptions",
				Map.of("type", "", "arguments", List.of(Map.of("className", "", "value", ""))));
		assertThat(setting).isEqualTo(ExceptionSetting.DEFAULT);
	}

	@Test
	void oneStringArgumentIsTheMessageAndClassNameNamesTheType() {
		ExceptionSetting setting = ExceptionSetting.of("exception",
				Map.of("className", "java.lang.IllegalStateException", "arguments",
						List.of(Map.of("className", "java.lang.String", "value", "boom"))));
		assertThat(setting).isEqualTo(new ExceptionSetting("java.lang.IllegalStateException", "boom"));
	}

	@Test
	void typeAndClassNameNamingDifferentClassesAreRefused() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> ExceptionSetting.of("exception",
					Map.of("type", "java.lang.IllegalStateException", "className", "java.lang.RuntimeException")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("exception.className"));
	}

	@Test
	void levelIsTheInverseOfTheProbabilityAndLatencyTheRange() {
		AssaultSettings settings = AssaultSettings.DEFAULTS.merge(
				Map.of("level", 5, "latencyActive", true, "latencyRangeStart", "200", "latencyRangeEnd", 400), false);
		assertThat(AssaultMapping.assault(settings, SERVICES)).containsEntry("probability", 0.2)
			.containsEntry("latency", Map.of("min", "200ms", "max", "400ms"))
			.containsEntry("target", Map.of("kinds", List.of("service", "repository")));
	}

	@Test
	void noEffectOrNoWatcherMeansNoAssault() {
		assertThat(AssaultMapping.assault(AssaultSettings.DEFAULTS, SERVICES)).isNull();
		AssaultSettings exceptions = AssaultSettings.DEFAULTS.merge(Map.of("exceptionsActive", true), false);
		WatcherSettings none = SERVICES.merge(Map.of("service", false, "repository", false));
		assertThat(AssaultMapping.assault(exceptions, none)).isNull();
	}

	@Test
	void nullLeavesASettingAsItWas() {
		AssaultSettings settings = AssaultSettings.DEFAULTS.merge(Map.of("level", 3), false);
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("level", null);
		assertThat(settings.merge(body, false).number("level")).isEqualTo(3);
	}

	@Test
	void killIsAcceptedOnlyWithAllowKill() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> AssaultSettings.DEFAULTS.merge(Map.of("killApplicationActive", true), false))
			.withMessageContaining("chaos.allow-kill=true");
		AssaultSettings kill = AssaultSettings.DEFAULTS
			.merge(Map.of("killApplicationActive", true, "killApplicationCronExpression", "*/1 * * * * ?"), true);
		assertThat(kill.killScheduled()).isTrue();
		assertThat(AssaultSettings.DEFAULTS.merge(Map.of("killApplicationActive", true), true).killScheduled())
			.isFalse();
	}

	@Test
	void watcherNamesMapToKinds() {
		WatcherSettings watchers = WatcherSettings.of(List.of("restController", "SERVICE"))
			.merge(Map.of("service", "false"));
		assertThat(watchers.kindIds()).containsExactly("rest-controller");
	}

}
