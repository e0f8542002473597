package io.github.chaosstarter.web;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.RequestConditionFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for chaos in WebFlux applications: a web filter that binds the
 * request for request conditions and applies request-only assaults, and injected error
 * responses that win over the application's own exception handling.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(name = { "org.springframework.web.reactive.DispatcherHandler", "reactor.core.publisher.Mono" })
@ConditionalOnBean(ChaosStateHolder.class)
public final class ChaosWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RequestConditionFactory.class)
	ChaosRequestConditionFactory chaosRequestConditionFactory(ConfigurableListableBeanFactory beanFactory) {
		ManagementPaths managementPaths = ManagementPaths.of(beanFactory);
		return new ChaosRequestConditionFactory(() -> null);
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosWebFilter chaosWebFilter(ChaosStateHolder chaosStateHolder, ConfigurableListableBeanFactory beanFactory) {
		return new ChaosWebFilter(new RequestChaos(chaosStateHolder), ManagementPaths.of(beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosErrorResponseAdvice chaosErrorResponseAdvice() {
		return new ChaosErrorResponseAdvice();
	}

}
