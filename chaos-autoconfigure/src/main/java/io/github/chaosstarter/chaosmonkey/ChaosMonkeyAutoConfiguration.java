package io.github.chaosstarter.chaosmonkey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.endpoint.ChaosEndpointAutoConfiguration;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code chaosmonkey} endpoint, which accepts the calls that
 * Chaos Toolkit and LitmusChaos send to Chaos Monkey for Spring Boot. Only with
 * {@code chaos.chaos-monkey-api.enabled=true}; like every actuator endpoint it reaches
 * HTTP only when exposed, and its write operations only with
 * {@code management.endpoint.chaosmonkey.access=unrestricted}.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = { ChaosAutoConfiguration.class, ChaosEndpointAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBooleanProperty("chaos.chaos-monkey-api.enabled")
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosMonkeyAutoConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint
	ChaosMonkeyEndpoint chaosMonkeyEndpoint(ChaosEngine chaosEngine, ChaosProperties chaosProperties) {
		return new ChaosMonkeyEndpoint(
				new ChaosMonkeyApi(chaosEngine, chaosProperties.isAllowKill(), chaosProperties.getWatch().getKinds()));
	}

	@Bean
	@ConditionalOnAvailableEndpoint(endpoint = ChaosMonkeyEndpoint.class)
	static ChaosMonkeyOperationInvokerAdvisor chaosMonkeyOperationInvokerAdvisor(
			ObjectProvider<ChaosMonkeyEndpoint> chaosMonkeyEndpoint) {
		return new ChaosMonkeyOperationInvokerAdvisor(chaosMonkeyEndpoint);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(endpoint = ChaosMonkeyEndpoint.class, exposure = EndpointExposure.WEB)
	@ConditionalOnMissingClass({ "org.springframework.security.web.SecurityFilterChain",
			"org.springframework.security.web.server.SecurityWebFilterChain" })
	static class UnsecuredEndpointWarningConfiguration {

		@Bean
		static ChaosEndpointAutoConfiguration.UnsecuredChaosEndpointWarning unsecuredChaosMonkeyEndpointWarning(
				Environment environment) {
			return new ChaosEndpointAutoConfiguration.UnsecuredChaosEndpointWarning(environment, "chaosmonkey");
		}

	}

}
