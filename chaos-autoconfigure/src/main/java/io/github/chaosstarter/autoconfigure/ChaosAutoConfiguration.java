package io.github.chaosstarter.autoconfigure;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.aop.ChaosAdvisingPostProcessor;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.runtime.ChaosChangeListener;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.InjectionListener;
import io.github.chaosstarter.runtime.KillHandler;
import io.github.chaosstarter.runtime.RequestCondition;
import io.github.chaosstarter.runtime.RequestConditionFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Chaos Starter: the advice on watched beans and the runtime that
 * holds the chaos state. Backs off without Spring AOP and AspectJ on the class path.
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
		return new ChaosAdvisingPostProcessor(chaosStateHolder, ChaosSpecCompiler.watchedKinds(kinds));
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosRuntime chaosRuntime(ChaosStateHolder chaosStateHolder, ChaosProperties properties,
			ApplicationContext applicationContext, ObjectProvider<RequestConditionFactory> requestConditionFactory,
			ObjectProvider<InjectionListener> injectionListeners, ObjectProvider<ChaosChangeListener> changeListeners,
			ObjectProvider<KillHandler> killHandler) {
		ChaosSpecCompiler compiler = new ChaosSpecCompiler(
				ChaosSpecCompiler.watchedKinds(properties.getWatch().getKinds()), properties.isAllowKill(),
				applicationContext.getClassLoader());
		RequestConditionFactory conditions = requestConditionFactory
			.getIfAvailable(() -> (target) -> RequestCondition.NEVER);
		ChaosRuntime runtime = new ChaosRuntime(chaosStateHolder, compiler, compiler.compile(properties), conditions,
				Clock.systemUTC());
		injectionListeners.orderedStream().forEach(runtime::addInjectionListener);
		changeListeners.orderedStream().forEach(runtime::addChangeListener);
		killHandler.ifAvailable(runtime::setKillHandler);
		return runtime;
	}

	@Bean
	ChaosStartupReport chaosStartupReport(ChaosAdvisingPostProcessor chaosAdvisingPostProcessor,
			ObjectProvider<ChaosRuntime> chaosRuntime) {
		return new ChaosStartupReport(chaosAdvisingPostProcessor, chaosRuntime);
	}

}
