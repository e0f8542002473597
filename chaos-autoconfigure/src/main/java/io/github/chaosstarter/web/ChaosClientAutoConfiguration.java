package io.github.chaosstarter.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.RequestFacts;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for client assaults (unavailable dependencies) on outbound calls
 * through {@code RestClient}, {@code RestTemplate} and {@code WebClient}.
 * <p>
 * Covered on Spring Boot 4 and 3: clients built from a {@code RestClient.Builder} or
 * {@code WebClient.Builder} bean (Boot's auto-configured builders included), every
 * {@code RestTemplate} bean, and {@code RestTemplate}s built from Boot's
 * {@code RestTemplateBuilder} (through a {@code RestTemplateCustomizer}: Boot 4's type
 * directly, Boot 3's through {@link LegacyRestTemplateCustomizerRegistrar}). Not covered:
 * clients created with {@code RestClient.create()}, {@code WebClient.create()} or
 * {@code new RestTemplate()} outside the application context. The same clients carry on
 * the headers named by {@code chaos.propagate-headers} (see {@link HeaderPropagation}).
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosClientAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.client.RestClient")
	static class RestClientConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static RestClientChaosPostProcessor restClientChaosPostProcessor(ObjectProvider<ChaosEngine> engine,
				Environment environment, ObjectProvider<RequestFacts.Source> requests) {
			return new RestClientChaosPostProcessor(engine, HeaderPropagation.of(environment, requests));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.springframework.web.reactive.function.client.WebClient", "reactor.core.publisher.Mono" })
	static class WebClientConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static WebClientChaosPostProcessor webClientChaosPostProcessor(ObjectProvider<ChaosEngine> engine,
				Environment environment, ObjectProvider<RequestFacts.Source> requests) {
			return new WebClientChaosPostProcessor(engine, HeaderPropagation.of(environment, requests));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.restclient.RestTemplateCustomizer",
			"org.springframework.web.client.RestClient" })
	static class RestTemplateCustomizerConfiguration {

		@Bean
		RestTemplateCustomizer chaosRestTemplateCustomizer(RestClientChaosPostProcessor restClientChaosPostProcessor) {
			return (restTemplate) -> restClientChaosPostProcessor.addTo(restTemplate.getInterceptors());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { LegacyRestTemplateCustomizerRegistrar.CUSTOMIZER, "org.springframework.web.client.RestClient" })
	@Import(LegacyRestTemplateCustomizerRegistrar.class)
	static class LegacyRestTemplateCustomizerConfiguration {

	}

}
