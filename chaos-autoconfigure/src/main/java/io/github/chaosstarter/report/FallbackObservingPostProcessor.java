package io.github.chaosstarter.report;

import io.github.resilience4j.spring6.fallback.FallbackExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the {@link FallbackExecutor} bean in an {@link ObservingFallbackExecutor} before
 * the Resilience4j aspects receive it.
 *
 * @author Chaos Starter team
 */
class FallbackObservingPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ResilienceEvents> recorder;

	FallbackObservingPostProcessor(ObjectProvider<ResilienceEvents> recorder) {
		this.recorder = recorder;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FallbackExecutor executor && !(bean instanceof ObservingFallbackExecutor)) {
			return new ObservingFallbackExecutor(executor, this.recorder);
		}
		return bean;
	}

}
