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
	ResilienceRecorder resilienceRecorder(ObjectProvider<InstanceSettings> instanceSettings) {
		return new ResilienceRecorder(Clock.systemUTC(), instanceSettings);
	}

	@Bean
	@ConditionalOnBean(ResilienceRecorder.class)
	ResilienceEvents resilienceEvents(ResilienceRecorder resilienceRecorder) {
		return new ResilienceEvents(resilienceRecorder);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry")
	static class Resilience4jConfiguration {

		@Bean
		Resilience4jInstances chaosResilience4jInstances(ListableBeanFactory beanFactory) {
			return new Resilience4jInstances(beanFactory);
		}

		@Bean
		Resilience4jObserver chaosResilience4jObserver(Resilience4jInstances chaosResilience4jInstances,
				ObjectProvider<ResilienceEvents> resilienceEvents) {
			return new Resilience4jObserver(chaosResilience4jInstances, resilienceEvents);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.resilience4j.spring6.fallback.FallbackExecutor",
			"org.aspectj.lang.ProceedingJoinPoint" })
	static class FallbackConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static FallbackObservingPostProcessor chaosFallbackObservingPostProcessor(
				ObjectProvider<ResilienceEvents> resilienceEvents) {
			return new FallbackObservingPostProcessor(resilienceEvents);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.resilience.retry.MethodRetryEvent")
	static class SpringRetryConfiguration {

		@Bean
		SpringRetryListener chaosSpringRetryListener(ObjectProvider<ResilienceEvents> resilienceEvents) {
			return new SpringRetryListener(resilienceEvents);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		ReportMetrics chaosReportMetrics(ObjectProvider<Chaos.Reports> reports) {
			return new ReportMetrics(reports);
		}

	}

}
