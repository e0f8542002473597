package io.github.chaosstarter.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Adds the chaos filter to every {@link WebClient.Builder} bean (Spring Boot's
 * auto-configured builder is a prototype, so every client built from it is covered), at
 * most once, as the innermost filter at that time.
 *
 * @author Chaos Starter team
 */
class WebClientChaosPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ChaosEngine> engine;

	private volatile ChaosExchangeFilterFunction filter;

	private final HeaderPropagation propagation;

	WebClientChaosPostProcessor(ObjectProvider<ChaosEngine> engine, HeaderPropagation propagation) {
		this.engine = engine;
		this.propagation = propagation;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof WebClient.Builder builder) {
			builder.filters(this::addTo);
		}
		return bean;
	}

	private void addTo(List<ExchangeFilterFunction> filters) {
		for (ExchangeFilterFunction candidate : filters) {
			if (candidate instanceof ChaosExchangeFilterFunction) {
				return;
			}
		}
		ChaosExchangeFilterFunction result = this.filter;
		if (result == null) {
			result = new ChaosExchangeFilterFunction(this.engine, this.propagation);
			this.filter = result;
		}
		filters.add(result);
	}

}
