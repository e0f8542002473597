package io.github.chaosstarter.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.RequestFacts;
import io.github.chaosstarter.engine.RequestLedger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the web and HTTP client auto-configurations.
 */
class ChaosWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ChaosAutoConfiguration.class,
			ChaosWebAutoConfiguration.class, ChaosClientAutoConfiguration.class);

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
				.hasSingleBean(ChaosResponseFilter.class)
				.hasSingleBean(RequestFacts.Source.class)
				.doesNotHaveBean(ChaosWebFilter.class)
				.doesNotHaveBean(ChaosErrorResponseAdvice.class);
		});
	}

	@Test
	void reactiveApplicationGetsWebFiltersAndAdvice() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(ChaosWebFilter.class)
			.hasSingleBean(ChaosErrorResponseAdvice.class)
			.hasSingleBean(ChaosResponseWebFilter.class)
			.hasSingleBean(RequestFacts.Source.class)
			.doesNotHaveBean(ChaosRequestFilter.class)
			.doesNotHaveBean(ChaosResponseFilter.class));
	}

	@Test
	void reactorTasksCarryTheRequestLedgerOnlyWhileChaosIsOn() {
		Runnable task = () -> {
		};
		RequestLedger ledger = new RequestLedger();
		RequestLedger previous = RequestLedger.bind(ledger);
		try {
			this.reactive.run((context) -> {
				assertThat(Schedulers.onSchedule(task)).as("chaos off: Reactor schedules the task itself")
					.isSameAs(task);
				Chaos chaos = context.getBean(Chaos.class);
				chaos.enable();
				assertThat(Schedulers.onSchedule(task)).as("chaos on").isNotSameAs(task);
				AtomicReference<RequestLedger> seen = new AtomicReference<>();
				RequestLedger.bind(ledger);
				Runnable carried = Schedulers.onSchedule(() -> seen.set(RequestLedger.current()));
				RequestLedger.bind(null);
				carried.run();
				assertThat(seen).as("the task runs with the ledger bound when it was scheduled").hasValue(ledger);
				assertThat(RequestLedger.current()).as("and unbinds it afterwards").isNull();
				RequestLedger.bind(ledger);
				chaos.halt();
				assertThat(Schedulers.onSchedule(task)).as("chaos off again").isSameAs(task);
			});
			assertThat(Schedulers.onSchedule(task)).as("the context closed").isSameAs(task);
		}
		finally {
			RequestLedger.bind(previous);
		}
	}

	@Test
	void nonWebApplicationGetsNoWebParts() {
		this.plain.run((context) -> assertThat(context).doesNotHaveBean(RequestFacts.Source.class)
			.doesNotHaveBean(ChaosRequestFilter.class)
			.doesNotHaveBean(ChaosResponseFilter.class));
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
