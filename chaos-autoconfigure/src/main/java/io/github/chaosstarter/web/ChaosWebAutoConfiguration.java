package io.github.chaosstarter.web;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.RequestFacts;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for chaos in web applications, on Spring MVC and on WebFlux: the
 * request the engine reads for {@code http} and {@code principal} conditions,
 * request-only assaults in a filter, injected error responses that win over the
 * application's own exception handling, and the guard's count of responses. The actuator
 * endpoints are never attacked and never counted.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosWebAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet", "jakarta.servlet.Filter" })
	static class ServletConfiguration {

		@Bean
		RequestFacts.Source chaosRequestFacts(ConfigurableListableBeanFactory beanFactory) {
			ManagementPaths managementPaths = ManagementPaths.of(beanFactory);
			return () -> ServletRequestView.current(managementPaths);
		}

		@Bean
		ChaosRequestFilter chaosRequestFilter(ChaosEngine chaosEngine, ConfigurableListableBeanFactory beanFactory) {
			return new ChaosRequestFilter(chaosEngine, ManagementPaths.of(beanFactory));
		}

		@Bean
		ChaosResponseFilter chaosResponseFilter(ChaosEngine chaosEngine, ConfigurableListableBeanFactory beanFactory) {
			return new ChaosResponseFilter(chaosEngine, ManagementPaths.of(beanFactory));
		}

		@Bean
		ChaosErrorResponseResolver chaosErrorResponseResolver() {
			return new ChaosErrorResponseResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = { "org.springframework.web.reactive.DispatcherHandler", "reactor.core.publisher.Mono" })
	static class ReactiveConfiguration {

		@Bean
		RequestFacts.Source chaosRequestFacts() {
			return CurrentRequest::get;
		}

		@Bean
		ChaosWebFilter chaosWebFilter(ChaosEngine chaosEngine, ConfigurableListableBeanFactory beanFactory,
				Environment environment) {
			return new ChaosWebFilter(chaosEngine, ManagementPaths.of(beanFactory),
					HeaderPropagation.of(environment, beanFactory.getBeanProvider(RequestFacts.Source.class)));
		}

		@Bean
		ChaosResponseWebFilter chaosResponseWebFilter(ChaosEngine chaosEngine,
				ConfigurableListableBeanFactory beanFactory) {
			return new ChaosResponseWebFilter(chaosEngine, ManagementPaths.of(beanFactory));
		}

		@Bean
		ChaosErrorResponseAdvice chaosErrorResponseAdvice() {
			return new ChaosErrorResponseAdvice();
		}

		@Bean
		LedgerSchedulerHook chaosLedgerSchedulerHook() {
			return new LedgerSchedulerHook();
		}

	}

}
