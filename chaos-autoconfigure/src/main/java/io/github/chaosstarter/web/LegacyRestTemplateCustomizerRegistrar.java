package io.github.chaosstarter.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestTemplate;

/**
 * Registers a Spring Boot 3
 * {@code org.springframework.boot.web.client.RestTemplateCustomizer} without compiling
 * against Spring Boot 3 (the jar is built against Spring Boot 4, where the interface
 * moved): the bean is a JDK proxy of that fixed interface whose only method,
 * {@code customize(RestTemplate)}, adds the chaos interceptor. So {@code RestTemplate}s
 * built from Boot 3's {@code RestTemplateBuilder} are covered even when they are not
 * beans.
 *
 * @author Chaos Starter team
 */
class LegacyRestTemplateCustomizerRegistrar
		implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware, BeanFactoryAware {

	static final String CUSTOMIZER = "org.springframework.boot.web.client.RestTemplateCustomizer";

	private @Nullable ClassLoader classLoader;

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (!ClassUtils.isPresent(CUSTOMIZER, this.classLoader)) {
			return;
		}
		@SuppressWarnings("unchecked")
		Class<Object> type = (Class<Object>) ClassUtils.resolveClassName(CUSTOMIZER, this.classLoader);
		BeanFactory factory = this.beanFactory;
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> customizer(type, factory.getBean(RestClientChaosPostProcessor.class)));
		registry.registerBeanDefinition("chaosLegacyRestTemplateCustomizer", definition);
	}

	/**
	 * Create a customizer of the given single-method interface that adds the chaos
	 * interceptor to the {@link RestTemplate} it is given.
	 * @param type the customizer interface
	 * @param postProcessor adds the interceptor at most once
	 * @return the customizer
	 */
	static Object customizer(Class<?> type, RestClientChaosPostProcessor postProcessor) {
		InvocationHandler handler = (Object proxy, Method method, @Nullable Object[] args) -> {
			if (method.getName().equals("customize") && args != null && args.length == 1
					&& args[0] instanceof RestTemplate restTemplate) {
				postProcessor.addTo(restTemplate.getInterceptors());
				return null;
			}
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "Chaos RestTemplateCustomizer";
				default -> throw new UnsupportedOperationException(method.toString());
			};
		};
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
