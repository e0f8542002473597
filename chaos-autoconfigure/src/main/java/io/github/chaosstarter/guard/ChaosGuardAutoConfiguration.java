package io.github.chaosstarter.guard;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.web.ManagementPaths;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the guard that halts chaos when too many HTTP server responses
 * are 5xx ({@code chaos.guard.*}).
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(ChaosRuntime.class)
public final class ChaosGuardAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChaosGuard chaosGuard(ChaosRuntime chaosRuntime) {
		return new ChaosGuard(chaosRuntime);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
	static class ServletGuardConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChaosGuardFilter chaosGuardFilter(ChaosGuard chaosGuard, ConfigurableListableBeanFactory beanFactory) {
			return new ChaosGuardFilter(chaosGuard, ManagementPaths.of(beanFactory));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = { "org.springframework.web.server.WebFilter", "reactor.core.publisher.Mono" })
	static class ReactiveGuardConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChaosGuardWebFilter chaosGuardWebFilter(ChaosGuard chaosGuard, ConfigurableListableBeanFactory beanFactory) {
			return new ChaosGuardWebFilter(chaosGuard, ManagementPaths.of(beanFactory));
		}

	}

}
