package io.github.chaosstarter.scenarios.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration;
import io.github.chaosstarter.scenarios.startup.fixture.OrderService;
import io.github.chaosstarter.scenarios.startup.fixture.PriceCalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The starter's auto-configuration at startup: what it registers, when it backs off,
 * which beans it watches, and how an invalid {@code chaos.*} property fails startup with
 * a failure analysis naming it. Run on each Spring Boot line by the module that compiles
 * this source (the auto-configurations, compiled against Spring Boot 4, load on Spring
 * Boot 3.5: {@code AutoConfigurations} is in {@code org.springframework.boot.autoconfigure}
 * on both lines).
 */
@ExtendWith(OutputCaptureExtension.class)
class ChaosStartupTests {

	private static final String INVALID_ANALYZER = "io.github.chaosstarter.engine.InvalidChaosPropertyFailureAnalyzer";

	private static final String UNKNOWN_ANALYZER = "io.github.chaosstarter.engine.UnknownChaosPropertyFailureAnalyzer";

	private static final String FIXTURE = "io.github.chaosstarter.scenarios.startup.fixture.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, ChaosMetricsAutoConfiguration.class));

	@Test
	void registersTheEngineTheApiTheAdviceAndTheMetrics() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ChaosEngine.class)
			.hasSingleBean(Chaos.class)
			.hasBean("chaosAdvisingPostProcessor")
			.hasBean("chaosMetrics"));
	}

	@Test
	void loadsBesideSpringBootsAopAutoConfiguration() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean("orderService", OrderService.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ChaosEngine.class).hasBean("chaosAdvisingPostProcessor");
				assertThat(AopUtils.isAopProxy(context.getBean(OrderService.class))).isTrue();
			});
	}

	@Test
	void chaosIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ChaosEngine.class).state().enabled()).isFalse());
	}

	@Test
	void chaosIsOffUnlessEnabledEvenWithAssaultsConfigured() {
		this.contextRunner
			.withPropertyValues("chaos.assaults.down.target.methods=charge",
					"chaos.assaults.down.exception.message=injected")
			.run((context) -> assertThat(context.getBean(Chaos.class).state().enabled()).isFalse());
	}

	@Test
	void backsOffWithoutAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj.weaver"))
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosEngine.class)
				.doesNotHaveBean("chaosAdvisingPostProcessor"));
	}

	@Test
	void backsOffWithoutSpringAop() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.aop.framework"))
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosEngine.class));
	}

	@Test
	void watchedKindsGetAProxyAndOthersDoNot() {
		this.contextRunner.withBean("orderService", OrderService.class)
			.withBean("priceCalculator", PriceCalculator.class)
			.run((context) -> {
				assertThat(AopUtils.isAopProxy(context.getBean(OrderService.class))).isTrue();
				assertThat(AopUtils.isAopProxy(context.getBean(PriceCalculator.class))).isFalse();
			});
	}

	@Test
	void componentsAreWatchedWhenConfigured() {
		this.contextRunner.withPropertyValues("chaos.watch.kinds=component")
			.withBean("orderService", OrderService.class)
			.withBean("priceCalculator", PriceCalculator.class)
			.run((context) -> {
				assertThat(AopUtils.isAopProxy(context.getBean(OrderService.class))).isFalse();
				assertThat(AopUtils.isAopProxy(context.getBean(PriceCalculator.class))).isTrue();
			});
	}

	@Test
	void probabilityAboveOneFailsStartup() {
		assertInvalid("chaos.assaults.a.probability", "must be between 0.0 and 1.0 but was 1.5",
				"chaos.assaults.a.probability=1.5", "chaos.assaults.a.exception.message=x");
	}

	@Test
	void anEmptyTargetConditionFailsStartupInsteadOfWideningTheTarget() {
		// YAML's `beans: []` reaches the environment as an empty value
		assertInvalid("chaos.assaults.a.target.beans", "must not be empty: an empty condition would widen the target",
				"chaos.assaults.a.target.beans=", "chaos.assaults.a.exception.message=x");
		assertInvalid("chaos.assaults.a.target.http.paths", "must not be empty", "chaos.assaults.a.target.http.paths=",
				"chaos.assaults.a.exception.message=x");
	}

	@Test
	void aStartupHypothesisIsValidated() {
		assertInvalid("chaos.hypothesis.max-error-rate", "must be between 0.0 and 1.0 but was 2.0",
				"chaos.hypothesis.max-error-rate=2");
		assertInvalid("chaos.hypothesis", "names no figure to hold", "chaos.hypothesis.paths=/api/**");
		assertInvalid("chaos.hypothesis.baseline", "must not exceed 1h but was 2h", "chaos.hypothesis.max-latency=1s",
				"chaos.hypothesis.baseline=2h");
	}

	@Test
	void negativeProbabilityFailsStartup() {
		assertInvalid("chaos.assaults.a.probability", "must be between 0.0 and 1.0",
				"chaos.assaults.a.probability=-0.1", "chaos.assaults.a.exception.message=x");
	}

	@Test
	void latencyMinAboveMaxFailsStartup() {
		assertInvalid("chaos.assaults.slow.latency.min", "must not be greater than max",
				"chaos.assaults.slow.latency.min=800ms", "chaos.assaults.slow.latency.max=200ms");
	}

	@Test
	void negativeLatencyFailsStartup() {
		assertInvalid("chaos.assaults.slow.latency.min", "must not be negative", "chaos.assaults.slow.latency.min=-1s",
				"chaos.assaults.slow.latency.max=1s");
	}

	@Test
	void unknownExceptionClassFailsStartup() {
		assertInvalid("chaos.assaults.a.exception.type",
				"class 'com.acme.NoSuchException' is not a usable exception type",
				"chaos.assaults.a.exception.type=com.acme.NoSuchException");
	}

	@Test
	void classOutsideTheApplicationIsRefusedWithoutTellingWhy() {
		assertInvalid("chaos.assaults.a.exception.type", "class 'java.lang.String' is not a usable exception type",
				"chaos.assaults.a.exception.type=java.lang.String");
	}

	@Test
	void exceptionInAPackageThatIsNotExportedFailsStartup() {
		assertInvalid("chaos.assaults.a.exception.type", "is not a usable exception type",
				"chaos.assaults.a.exception.type=sun.security.validator.ValidatorException");
	}

	@Test
	void classThatIsNotAThrowableFailsStartupWithoutBeingInitialised() {
		assertInvalid("chaos.assaults.a.exception.type", "is not a java.lang.Throwable",
				"chaos.assaults.a.exception.type=" + FIXTURE + "ExplodingOnLoad");
	}

	@Test
	void exceptionWithoutUsableConstructorFailsStartup() {
		assertInvalid("chaos.assaults.a.exception.type", "has no public constructor taking (String)",
				"chaos.assaults.a.exception.type=" + FIXTURE + "NoUsableConstructorException");
	}

	@Test
	void hugeDurationFailsStartupWithTheFailureAnalysis() {
		assertInvalid("chaos.duration", "must not exceed 30d", "chaos.duration=9223372036854775807");
	}

	@Test
	void hugeGuardWindowFailsStartup() {
		assertInvalid("chaos.guard.window", "must not exceed 1d", "chaos.guard.max-error-rate=0.5",
				"chaos.guard.window=P1000000D");
	}

	@Test
	void hugeRetryAfterFailsStartup() {
		assertInvalid("chaos.assaults.a.error-response.retry-after", "must not exceed 1d",
				"chaos.assaults.a.error-response.retry-after=P100000D");
	}

	@Test
	void negativeMaxLatencyIsReportedAsMax() {
		assertInvalid("chaos.assaults.slow.latency.max", "must not be negative",
				"chaos.assaults.slow.latency.max=-1ms");
	}

	@Test
	void assaultWithoutEffectFailsStartup() {
		assertInvalid("chaos.assaults.a", "needs exactly one effect", "chaos.assaults.a.probability=0.5");
	}

	@Test
	void assaultWithTwoEffectsFailsStartup() {
		assertInvalid("chaos.assaults.a.latency", "exception and latency were given",
				"chaos.assaults.a.exception.message=x", "chaos.assaults.a.latency.min=1s");
	}

	@Test
	void unknownKindFailsStartup() {
		assertInvalid("chaos.assaults.a.target.kinds[0]", "unknown kind 'servic'",
				"chaos.assaults.a.target.kinds=servic", "chaos.assaults.a.exception.message=x");
	}

	@Test
	void unwatchedKindFailsStartupSayingHowToWatchIt() {
		assertInvalid("chaos.assaults.a.target.kinds[0]", "add it to chaos.watch.kinds",
				"chaos.assaults.a.target.kinds=component", "chaos.assaults.a.exception.message=x");
	}

	@Test
	void unknownWatchedKindFailsStartup() {
		this.contextRunner.withPropertyValues("chaos.watch.kinds=services").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("chaos.watch.kinds[0]");
		});
	}

	@Test
	void errorStatusOutsideErrorRangeFailsStartup() {
		assertInvalid("chaos.assaults.a.error-response.status", "from 400 to 599 but was 200",
				"chaos.assaults.a.error-response.status=200");
	}

	@Test
	void killWithoutAllowKillFailsStartup() {
		assertInvalid("chaos.assaults.a.kill", "chaos.allow-kill=true", "chaos.assaults.a.kill.mode=abrupt");
	}

	@Test
	void killIsAcceptedWithAllowKill() {
		this.contextRunner.withPropertyValues("chaos.allow-kill=true", "chaos.assaults.a.kill.mode=graceful")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownAssaultKeyFailsStartup() {
		this.contextRunner.withPropertyValues("chaos.assaults.a.probabilty=0.5", "chaos.assaults.a.exception.message=x")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasMessageContaining("chaos");
			});
	}

	@Test
	void misspelledTopLevelKeyFailsStartupNamingTheNearestKey() {
		this.contextRunner.withPropertyValues("chaos.enabeld=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure(), UNKNOWN_ANALYZER);
			assertThat(analysis.getDescription()).contains("chaos.enabeld").contains("did you mean 'chaos.enabled'?");
			assertThat(analysis.getAction()).contains("chaos.enabeld");
		});
	}

	@Test
	void misspelledAssaultKeyIsReportedWithTheAssaultsName() {
		this.contextRunner
			.withPropertyValues("chaos.assaults.slow.probabilty=0.5", "chaos.assaults.slow.latency.min=1s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure(), UNKNOWN_ANALYZER);
				assertThat(analysis.getDescription()).contains("chaos.assaults.slow.probabilty")
					.contains("did you mean 'chaos.assaults.slow.probability'?");
			});
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		FailureAnalyzer analyzer = (FailureAnalyzer) BeanUtils
			.instantiateClass(ClassUtils.resolveClassName(UNKNOWN_ANALYZER, null));
		assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void failureAnalysisNamesTheProperty() {
		FailureAnalysis analysis = analyze(
				new InvalidChaosPropertyException("chaos.assaults.a.probability", "must be between 0.0 and 1.0"),
				INVALID_ANALYZER);
		assertThat(analysis.getDescription()).contains("chaos.assaults.a.probability")
			.contains("must be between 0.0 and 1.0");
		assertThat(analysis.getAction()).contains("chaos.assaults.a.probability");
	}

	@Test
	void invalidPropertyOfARealApplicationIsReportedByTheFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(
				() -> application.run("--chaos.assaults.slow.latency.min=2s", "--chaos.assaults.slow.latency.max=1s"))
			.havingRootCause()
			.isInstanceOf(InvalidChaosPropertyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: chaos.assaults.slow.latency");
	}

	private void assertInvalid(String property, String reason, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidChaosPropertyException.class)
				.hasMessageContaining(property)
				.hasMessageContaining(reason);
			FailureAnalysis analysis = analyze(context.getStartupFailure(), INVALID_ANALYZER);
			assertThat(analysis.getDescription()).contains(property);
		});
	}

	private static FailureAnalysis analyze(Throwable failure, String analyzerName) {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					})))
			.anySatisfy((analyzer) -> assertThat(analyzer.getClass().getName()).isEqualTo(analyzerName));
		FailureAnalyzer analyzer = (FailureAnalyzer) BeanUtils
			.instantiateClass(ClassUtils.resolveClassName(analyzerName, null));
		FailureAnalysis analysis = analyzer.analyze(failure);
		assertThat(analysis).as("chaos failure analysis").isNotNull();
		return analysis;
	}

	/**
	 * A real application, started as a user would start it.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrderService.class)
	static class StartupApplication {

	}

}
