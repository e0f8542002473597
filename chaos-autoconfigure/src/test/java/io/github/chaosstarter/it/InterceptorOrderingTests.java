package io.github.chaosstarter.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.engine.ChaosListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The chaos advice is the innermost layer of a watched bean, whatever the order values of
 * the application's own layers: each layer records what it saw, and every one of them (an
 * aspect of the highest and one of the lowest precedence, Resilience4j's circuit breaker
 * and Spring Framework's {@code @Retryable}) sees the injected fault as it would see a
 * real one.
 */
class InterceptorOrderingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(LayeredApplication.class)
		.withPropertyValues("resilience4j.circuitbreaker.instances.layered.minimum-number-of-calls=100");

	@Test
	void everyLayerSeesTheInjectedExceptionAndTheMethodDoesNotRun() {
		this.contextRunner.run((context) -> {
			Chaos chaos = context.getBean(Chaos.class);
			Trail trail = context.getBean(Trail.class);
			chaos.assault("boom").target((target) -> target.methods("call")).exception().maxInjections(1).apply();
			chaos.enable();
			assertThatExceptionOfType(ChaosException.class)
				.isThrownBy(() -> context.getBean(LayeredService.class).call());
			assertThat(trail.seen).containsExactly("outer-aspect enter", "inner-aspect enter",
					"chaos injects exception", "inner-aspect saw ChaosException", "outer-aspect saw ChaosException");
			assertThat(context.getBean(CircuitBreakerRegistry.class)
				.circuitBreaker("layered")
				.getMetrics()
				.getNumberOfFailedCalls()).as("the circuit breaker recorded it").isEqualTo(1);
		});
	}

	@Test
	void springRetryableRetriesAroundTheInjectedFaultAndTheSecondAttemptRunsTheMethod() {
		this.contextRunner.run((context) -> {
			Chaos chaos = context.getBean(Chaos.class);
			Trail trail = context.getBean(Trail.class);
			chaos.assault("once").target((target) -> target.methods("retried")).exception().maxInjections(1).apply();
			chaos.enable();
			assertThat(context.getBean(LayeredService.class).retried()).isEqualTo("ok");
			assertThat(trail.seen).as("@Retryable's advisor is put in front of every other: it retries both aspects")
				.containsExactly("outer-aspect enter", "inner-aspect enter", "chaos injects exception",
						"inner-aspect saw ChaosException", "outer-aspect saw ChaosException", "outer-aspect enter",
						"inner-aspect enter", "method", "inner-aspect saw ok", "outer-aspect saw ok");
		});
	}

	@Test
	void withChaosOffTheLayersSeeOnlyTheMethod() {
		this.contextRunner.run((context) -> {
			Trail trail = context.getBean(Trail.class);
			assertThat(context.getBean(LayeredService.class).call()).isEqualTo("ok");
			assertThat(trail.seen).containsExactly("outer-aspect enter", "inner-aspect enter", "method",
					"inner-aspect saw ok", "outer-aspect saw ok");
		});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableResilientMethods
	static class LayeredApplication {

		@Bean
		Trail trail() {
			return new Trail();
		}

		@Bean
		LayeredService layeredService(Trail trail) {
			return new LayeredService(trail);
		}

		@Bean
		OuterAspect outerAspect(Trail trail) {
			return new OuterAspect(trail);
		}

		@Bean
		InnerAspect innerAspect(Trail trail) {
			return new InnerAspect(trail);
		}

		@Bean
		ChaosListener trailListener(Trail trail) {
			return new ChaosListener() {
				@Override
				public void onInjection(ChaosListener.Injection injection) {
					trail.seen.add("chaos injects " + injection.effect());
				}
			};
		}

	}

	static class Trail {

		final List<String> seen = new CopyOnWriteArrayList<>();

	}

	@Service
	static class LayeredService {

		private final Trail trail;

		LayeredService(Trail trail) {
			this.trail = trail;
		}

		@CircuitBreaker(name = "layered")
		public String call() {
			this.trail.seen.add("method");
			return "ok";
		}

		@Retryable(maxRetries = 2, delay = 0)
		public String retried() {
			this.trail.seen.add("method");
			return "ok";
		}

	}

	abstract static class RecordingAspect {

		private final Trail trail;

		private final String name;

		RecordingAspect(Trail trail, String name) {
			this.trail = trail;
			this.name = name;
		}

		Object record(ProceedingJoinPoint call) throws Throwable {
			this.trail.seen.add(this.name + " enter");
			try {
				Object result = call.proceed();
				this.trail.seen.add(this.name + " saw " + result);
				return result;
			}
			catch (Throwable ex) {
				this.trail.seen.add(this.name + " saw " + ex.getClass().getSimpleName());
				throw ex;
			}
		}

	}

	@Aspect
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class OuterAspect extends RecordingAspect {

		OuterAspect(Trail trail) {
			super(trail, "outer-aspect");
		}

		@Around("execution(* io.github.chaosstarter.it.InterceptorOrderingTests.LayeredService.*(..))")
		Object around(ProceedingJoinPoint call) throws Throwable {
			return record(call);
		}

	}

	@Aspect
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class InnerAspect extends RecordingAspect {

		InnerAspect(Trail trail) {
			super(trail, "inner-aspect");
		}

		@Around("execution(* io.github.chaosstarter.it.InterceptorOrderingTests.LayeredService.*(..))")
		Object around(ProceedingJoinPoint call) throws Throwable {
			return record(call);
		}

	}

}
