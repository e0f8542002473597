package io.github.chaosstarter.benchmarks.aspect;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.stereotype.Service;

/**
 * A no-op {@link MethodInterceptor} advisor on every {@code @Service}: what any CGLIB
 * proxy with one advice costs. The floor.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
public class NoOpAdvisorConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor noOpAdvisor() {
		MethodInterceptor interceptor = (invocation) -> invocation.proceed();
		return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Service.class, true), interceptor);
	}

}
