package io.github.chaosstarter.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.client.RestTemplate;

import io.github.chaosstarter.engine.ChaosEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LegacyRestTemplateCustomizerRegistrar}, with an interface of the same
 * shape as Spring Boot 3's {@code RestTemplateCustomizer} (which is absent on Boot 4).
 */
class LegacyRestTemplateCustomizerRegistrarTests {

	@Test
	void customizerAddsTheChaosInterceptorOnce() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		ObjectProvider<ChaosEngine> holder = beanFactory.getBeanProvider(ChaosEngine.class);
		ShapedLikeBoot3Customizer customizer = (ShapedLikeBoot3Customizer) LegacyRestTemplateCustomizerRegistrar
			.customizer(ShapedLikeBoot3Customizer.class,
					new RestClientChaosPostProcessor(holder, HeaderPropagation.none()));
		RestTemplate restTemplate = new RestTemplate();
		customizer.customize(restTemplate);
		customizer.customize(restTemplate);
		assertThat(restTemplate.getInterceptors()).singleElement()
			.isInstanceOf(ChaosClientHttpRequestInterceptor.class);
		assertThat(customizer).hasToString("Chaos RestTemplateCustomizer").isEqualTo(customizer);
	}

	/**
	 * Same shape as {@code org.springframework.boot.web.client.RestTemplateCustomizer}.
	 */
	@FunctionalInterface
	public interface ShapedLikeBoot3Customizer {

		void customize(RestTemplate restTemplate);

	}

}
