package io.github.chaosstarter.report;

import java.time.Clock;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the resilience report: a recorder that records every injection,
 * and observers of Resilience4j's registries and fallbacks, Spring Framework's
 * {@code @Retryable} events and a Micrometer gauge, each where its library is present.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class,
		afterName = { "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
				"io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
				"io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration",
				"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
				"io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
				"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
				"org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration" })
@ConditionalOnBean(ChaosEngine.class)
public final class ChaosReportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(Chaos.Reports.class)
	ResilienceRecorder resilienceRecorder() {
		return new ResilienceRecorder(Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry")
	static class Resilience4jConfiguration {

		@Bean
		Resilience4jObserver chaosResilience4jObserver(ObjectProvider<ResilienceRecorder> resilienceRecorder,
				ListableBeanFactory beanFactory) {
			return new Resilience4jObserver(resilienceRecorder, beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.resilience4j.spring6.fallback.FallbackExecutor",
			"org.aspectj.lang.ProceedingJoinPoint" })
	static class FallbackConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static FallbackObservingPostProcessor chaosFallbackObservingPostProcessor(
				ObjectProvider<ResilienceRecorder> resilienceRecorder) {
			return new FallbackObservingPostProcessor(resilienceRecorder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.resilience.retry.MethodRetryEvent")
	static class SpringRetryConfiguration {

		@Bean
		SpringRetryListener chaosSpringRetryListener(ObjectProvider<ResilienceRecorder> resilienceRecorder) {
			return new SpringRetryListener(resilienceRecorder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		ReportMetrics chaosReportMetrics(ObjectProvider<ResilienceRecorder> resilienceRecorder) {
			return new ReportMetrics(resilienceRecorder);
		}

	}

}
