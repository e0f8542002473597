package io.github.chaosstarter.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.guard.ChaosGuard;
import io.github.chaosstarter.guard.ChaosGuardAutoConfiguration;
import io.github.chaosstarter.guard.ChaosGuardFilter;
import io.github.chaosstarter.guard.ChaosGuardWebFilter;
import io.github.chaosstarter.kill.ChaosKillAutoConfiguration;
import io.github.chaosstarter.kill.ChaosKillHandler;
import io.github.chaosstarter.runtime.KillHandler;
import io.github.chaosstarter.runtime.RequestConditionFactory;
import io.github.chaosstarter.web.client.ChaosClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the web, client, kill and guard auto-configurations.
 */
class ChaosWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ChaosAutoConfiguration.class,
			ChaosWebMvcAutoConfiguration.class, ChaosWebFluxAutoConfiguration.class, ChaosClientAutoConfiguration.class,
			ChaosKillAutoConfiguration.class, ChaosGuardAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ApplicationContextRunner plain = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

	@Test
	void servletApplicationGetsFiltersResolverAndRequestConditions() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(ChaosRequestFilter.class)
				.hasSingleBean(ChaosErrorResponseResolver.class)
				.hasSingleBean(ChaosGuardFilter.class)
				.hasSingleBean(ChaosKillHandler.class)
				.doesNotHaveBean(ChaosWebFilter.class)
				.doesNotHaveBean(ChaosErrorResponseAdvice.class);
			assertThat(context.getBean(RequestConditionFactory.class)).isInstanceOf(ChaosRequestConditionFactory.class);
		});
	}

	@Test
	void reactiveApplicationGetsWebFiltersAndAdvice() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(ChaosWebFilter.class)
			.hasSingleBean(ChaosErrorResponseAdvice.class)
			.hasSingleBean(ChaosGuardWebFilter.class)
			.hasSingleBean(ChaosRequestConditionFactory.class)
			.doesNotHaveBean(ChaosRequestFilter.class)
			.doesNotHaveBean(ChaosGuardFilter.class));
	}

	@Test
	void nonWebApplicationGetsKillHandlerButNoWebParts() {
		this.plain.run((context) -> assertThat(context).hasSingleBean(ChaosKillHandler.class)
			.doesNotHaveBean(ChaosRequestConditionFactory.class)
			.doesNotHaveBean(ChaosGuard.class));
	}

	@Test
	void webClientSupportBacksOffWithoutWebFlux() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("restClientChaosPostProcessor")
				.doesNotHaveBean("webClientChaosPostProcessor"));
	}

	@Test
	void restTemplateCustomizerBacksOffWithoutBoot4RestClientModule() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("restClientChaosPostProcessor")
				.doesNotHaveBean("chaosRestTemplateCustomizer"));
	}

	@Test
	void userKillHandlerWins() {
		this.servlet.withBean(KillHandler.class, () -> (String assault, KillSpec kill) -> {
		})
			.run((context) -> assertThat(context).hasSingleBean(KillHandler.class)
				.doesNotHaveBean(ChaosKillHandler.class));
	}

	@Test
	void invalidHttpPathPatternFailsStartupNamingTheProperty() {
		this.servlet
			.withPropertyValues("chaos.assaults.bad.target.http.paths=/api/{*rest}/more",
					"chaos.assaults.bad.latency.min=1ms", "chaos.assaults.bad.latency.max=1ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("chaos.assaults.bad.target.http.paths[0]"));
	}

	@Test
	void invalidClientPathPatternFailsStartupNamingTheProperty() {
		this.servlet
			.withPropertyValues("chaos.assaults.bad.target.client.paths=/api/{oops",
					"chaos.assaults.bad.latency.min=1ms", "chaos.assaults.bad.latency.max=1ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("chaos.assaults.bad.target.client.paths[0]"));
	}

	@Test
	void starterInfrastructureIsNeverProxiedEvenWhenComponentsAreWatched() {
		this.reactive.withPropertyValues("chaos.watch.kinds=component")
			.run((context) -> assertThat(org.springframework.aop.support.AopUtils
				.isAopProxy(context.getBean(ChaosErrorResponseAdvice.class))).isFalse());
	}

}
