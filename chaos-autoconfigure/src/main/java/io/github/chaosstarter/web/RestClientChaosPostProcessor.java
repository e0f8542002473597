package io.github.chaosstarter.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Adds the chaos interceptor to every {@link RestClient.Builder} bean (Spring Boot's
 * auto-configured builder is a prototype, so every client built from it is covered) and
 * to every {@link RestTemplate} bean. Adds it at most once, as the innermost interceptor.
 *
 * @author Chaos Starter team
 */
class RestClientChaosPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ChaosEngine> engine;

	private volatile ChaosClientHttpRequestInterceptor interceptor;

	private final HeaderPropagation propagation;

	RestClientChaosPostProcessor(ObjectProvider<ChaosEngine> engine, HeaderPropagation propagation) {
		this.engine = engine;
		this.propagation = propagation;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RestClient.Builder builder) {
			builder.requestInterceptors(this::addTo);
		}
		else if (bean instanceof RestTemplate restTemplate) {
			addTo(restTemplate.getInterceptors());
		}
		return bean;
	}

	void addTo(List<ClientHttpRequestInterceptor> interceptors) {
		for (ClientHttpRequestInterceptor candidate : interceptors) {
			if (candidate instanceof ChaosClientHttpRequestInterceptor) {
				return;
			}
		}
		interceptors.add(interceptor());
	}

	private ChaosClientHttpRequestInterceptor interceptor() {
		ChaosClientHttpRequestInterceptor result = this.interceptor;
		if (result == null) {
			result = new ChaosClientHttpRequestInterceptor(this.engine, this.propagation);
			this.interceptor = result;
		}
		return result;
	}

}
