package io.github.chaosstarter.endpoint;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link ChaosEndpoint chaos endpoint}. When the endpoint is
 * exposed over HTTP, lets Spring MVC and WebFlux read nested JSON into actuator operation
 * bodies (see {@link OperationBodies}) and warns once at startup when Spring Security is
 * absent.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class,
		afterName = "org.springframework.cloud.bus.PathServiceMatcherAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosEndpointAutoConfiguration {

	static final String NEEDS_BUS = "needs Spring Cloud Bus on the class path (spring-cloud-starter-bus-kafka or "
			+ "spring-cloud-starter-bus-amqp) and enabled (spring.cloud.bus.enabled)";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	ChaosEndpoint chaosEndpoint(ChaosEngine chaosEngine, ObjectProvider<Chaos.Reports> reports) {
		return new ChaosEndpoint(chaosEngine, reports);
	}

	@Bean
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class)
	static ChaosOperationInvokerAdvisor chaosOperationInvokerAdvisor() {
		return new ChaosOperationInvokerAdvisor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("chaos.fleet.enabled")
	@ConditionalOnClass(name = FleetConfiguration.SERVICE_MATCHER)
	@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class)
	@Import(ChaosFleetConfiguration.class)
	static class FleetConfiguration {

		static final String SERVICE_MATCHER = "org.springframework.cloud.bus.ServiceMatcher";

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("chaos.fleet.enabled")
	@ConditionalOnMissingClass(FleetConfiguration.SERVICE_MATCHER)
	static class FleetWithoutBusConfiguration {

		@Bean
		static Object chaosFleetWithoutBus() {
			throw new InvalidChaosPropertyException("chaos.fleet.enabled", NEEDS_BUS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OperationBodiesCondition.class)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
	static class WebMvcOperationBodyConfiguration {

		@Bean
		static WebMvcOperationBodyConverter.Configurer chaosWebMvcOperationBodyConfigurer() {
			return new WebMvcOperationBodyConverter.Configurer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OperationBodiesCondition.class)
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
		static UnsecuredChaosEndpointWarning unsecuredChaosEndpointWarning(Environment environment) {
			return new UnsecuredChaosEndpointWarning(environment, "chaos");
		}

	}

	/**
	 * Nested JSON bodies are read for actuator operations when the {@code chaos} endpoint
	 * is exposed over HTTP or the {@code chaosmonkey} endpoint is enabled (its bodies
	 * nest too).
	 */
	static final class OperationBodiesCondition extends AnyNestedCondition {

		OperationBodiesCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnAvailableEndpoint(endpoint = ChaosEndpoint.class, exposure = EndpointExposure.WEB)
		static final class ChaosEndpointExposed {

		}

		@ConditionalOnBooleanProperty("chaos.chaos-monkey-api.enabled")
		static final class ChaosMonkeyApiEnabled {

		}

	}

	/**
	 * Logs one warning once the context is ready, when anyone who reaches an endpoint of
	 * the starter can write through it: with read-only access (the default) nobody can
	 * inject faults through it. For {@code chaos}, and {@code chaosmonkey} when enabled.
	 */
	public static final class UnsecuredChaosEndpointWarning implements SmartInitializingSingleton {

		private static final Log logger = LogFactory.getLog(ChaosEndpoint.class);

		private final Environment environment;

		private final String endpoint;

		/**
		 * Create the warning for one endpoint.
		 * @param environment where the access settings are read
		 * @param endpoint the endpoint's id
		 */
		public UnsecuredChaosEndpointWarning(Environment environment, String endpoint) {
			this.environment = environment;
			this.endpoint = endpoint;
		}

		@Override
		public void afterSingletonsInstantiated() {
			String access = this.environment.getProperty("management.endpoint." + this.endpoint + ".access",
					this.environment.getProperty("management.endpoints.access.default", "read-only"));
			String maximum = this.environment.getProperty("management.endpoints.access.max-permitted", "unrestricted");
			if (!isUnrestricted(access) || !isUnrestricted(maximum)) {
				return;
			}
			logger.warn("The " + this.endpoint + " endpoint is exposed over HTTP and Spring Security is not on the "
					+ "class path: anyone who reaches the management port can inject faults into this application. "
					+ "Secure the actuator endpoints or do not expose '" + this.endpoint
					+ "' outside a test environment.");
		}

		private static boolean isUnrestricted(String access) {
			return access.trim().replace("_", "-").equalsIgnoreCase("unrestricted");
		}

	}

}
