package io.github.chaosstarter.endpoint;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.control.ChaosControlAutoConfiguration;
import io.github.chaosstarter.control.ChaosUpdater;
import io.github.chaosstarter.report.ResilienceReporter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link ChaosEndpoint chaos endpoint}. When the endpoint is
 * exposed over HTTP, lets Spring MVC and WebFlux read nested JSON into actuator operation
 * bodies (see {@link OperationBodies}) and warns once at startup when Spring Security is
 * absent.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = { ChaosAutoConfiguration.class, ChaosControlAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(ChaosUpdater.class)
public final class ChaosEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	ChaosEndpoint chaosEndpoint(ChaosUpdater chaosUpdater, ChaosAuditLog chaosAuditLog,
			ObjectProvider<ResilienceReporter> resilienceReporter) {
		return new ChaosEndpoint(chaosUpdater, chaosAuditLog, resilienceReporter);
	}

	@Bean
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class)
	static ChaosOperationInvokerAdvisor chaosOperationInvokerAdvisor() {
		return new ChaosOperationInvokerAdvisor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class, exposure = EndpointExposure.WEB)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
	static class WebMvcOperationBodyConfiguration {

		@Bean
		static WebMvcOperationBodyConverter.Configurer chaosWebMvcOperationBodyConfigurer() {
			return new WebMvcOperationBodyConverter.Configurer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class, exposure = EndpointExposure.WEB)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.config.WebFluxConfigurer")
	static class WebFluxOperationBodyConfiguration {

		@Bean
		static WebFluxOperationBodyReader.Configurer chaosWebFluxOperationBodyConfigurer() {
			return new WebFluxOperationBodyReader.Configurer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class, exposure = EndpointExposure.WEB)
	@ConditionalOnMissingClass({ "org.springframework.security.web.SecurityFilterChain",
			"org.springframework.security.web.server.SecurityWebFilterChain" })
	static class UnsecuredEndpointWarningConfiguration {

		@Bean
		static UnsecuredChaosEndpointWarning unsecuredChaosEndpointWarning() {
			return new UnsecuredChaosEndpointWarning();
		}

	}

	/**
	 * Logs one warning once the context is ready.
	 */
	static final class UnsecuredChaosEndpointWarning implements SmartInitializingSingleton {

		private static final Log logger = LogFactory.getLog(ChaosEndpoint.class);

		@Override
		public void afterSingletonsInstantiated() {
			logger.warn("The chaos endpoint is exposed over HTTP and Spring Security is not on the class path: "
					+ "anyone who reaches the management port can inject faults into this application. "
					+ "Secure the actuator endpoints or do not expose 'chaos' outside a test environment.");
		}

	}

}
