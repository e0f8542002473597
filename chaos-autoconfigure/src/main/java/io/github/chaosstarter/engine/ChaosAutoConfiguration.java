package io.github.chaosstarter.engine;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Chaos Starter: the advice on watched beans, the engine that
 * holds the chaos state, and the {@link Chaos} API. Backs off without Spring AOP and
 * AspectJ on the class path.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration
@ConditionalOnClass(name = { "org.springframework.aop.framework.Advised", "org.aspectj.weaver.Advice" })
@EnableConfigurationProperties(ChaosProperties.class)
public final class ChaosAutoConfiguration {

	private static final List<String> DEFAULT_KINDS = new ChaosProperties().getWatch().getKinds();

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosStateHolder chaosStateHolder() {
		return new ChaosStateHolder();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ChaosAdvisingPostProcessor chaosAdvisingPostProcessor(ChaosStateHolder chaosStateHolder,
			Environment environment) {
		// read directly: a post-processor must not depend on configuration-properties
		// beans
		List<String> kinds = Binder.get(environment)
			.bind("chaos.watch.kinds", Bindable.listOf(String.class))
			.orElse(DEFAULT_KINDS);
		return new ChaosAdvisingPostProcessor(chaosStateHolder, SpecCompiler.watchedKinds(kinds));
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosEngine chaosEngine(ChaosStateHolder chaosStateHolder, ChaosAdvisingPostProcessor chaosAdvisingPostProcessor,
			ChaosProperties properties, ApplicationContext applicationContext, ObjectProvider<ChaosListener> listeners,
			ObjectProvider<RequestFacts.Source> requests) {
		EmptyConditions.check(applicationContext.getEnvironment());
		ExceptionTypes exceptionTypes = new ExceptionTypes(applicationContext.getClassLoader(),
				applicationPackages(applicationContext));
		SpecCompiler compiler = new SpecCompiler(SpecCompiler.watchedKinds(properties.getWatch().getKinds()),
				properties.isAllowKill(), exceptionTypes);
		compiler.checkStartupSettings(properties);
		Clock clock = Clock.systemUTC();
		Dispatch dispatch = new Dispatch(List.of(), new ChaosKillHandler(applicationContext), clock,
				RequestFacts.Source.NONE);
		ChaosRuntime runtime = new ChaosRuntime(chaosStateHolder, compiler.compile(properties), dispatch,
				new AutoHalt(AutoHalt::daemonScheduler, clock), clock);
		return new ChaosEngine(runtime, compiler, new StateView(chaosAdvisingPostProcessor), listeners, requests);
	}

	@Bean
	@ConditionalOnMissingBean
	Chaos chaos(ChaosEngine chaosEngine, ObjectProvider<Chaos.Reports> reports) {
		return new Chaos(chaosEngine, reports);
	}

	private static List<String> applicationPackages(BeanFactory beanFactory) {
		return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
	}

}
