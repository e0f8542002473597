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
 * Auto-configuration} for chaos in Spring MVC applications: request conditions read from
 * {@code RequestContextHolder}, request-only assaults in a servlet filter, and injected
 * error responses that win over the application's own exception handling.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet", "jakarta.servlet.Filter" })
@ConditionalOnBean(ChaosStateHolder.class)
public final class ChaosWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RequestConditionFactory.class)
	ChaosRequestConditionFactory chaosRequestConditionFactory(ConfigurableListableBeanFactory beanFactory) {
		ManagementPaths managementPaths = ManagementPaths.of(beanFactory);
		return new ChaosRequestConditionFactory(() -> ServletRequestView.current(managementPaths));
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosRequestFilter chaosRequestFilter(ChaosStateHolder chaosStateHolder,
			ConfigurableListableBeanFactory beanFactory) {
		return new ChaosRequestFilter(new RequestChaos(chaosStateHolder), ManagementPaths.of(beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	ChaosErrorResponseResolver chaosErrorResponseResolver() {
		return new ChaosErrorResponseResolver();
	}

}
