package io.github.chaosstarter.benchmarks.aspect;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A no-op AspectJ-style {@code @Around} aspect on every {@code @Service}.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
public class NoOpAspectConfiguration {

	@Bean
	NoOpAspect noOpAspect() {
		return new NoOpAspect();
	}

	/**
	 * The aspect.
	 */
	@Aspect
	public static class NoOpAspect {

		/**
		 * Proceed.
		 * @param joinPoint the call
		 * @return its result
		 * @throws Throwable what the call throws
		 */
		@Around("@within(org.springframework.stereotype.Service)")
		public Object around(ProceedingJoinPoint joinPoint) throws Throwable {
			return joinPoint.proceed();
		}

	}

}
