package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * The resilience mechanisms that guard a method: Resilience4j annotations and Spring
 * Framework's {@code @Retryable} on the method or, where the method has none of that
 * kind, on its class. Annotations are looked up by name, so neither library needs to be
 * present. Computed once per method.
 *
 * @author Chaos Starter team
 */
final class Guards {

	private final Map<Method, List<Guard>> cache = new ConcurrentHashMap<>();

	/**
	 * Return the guards of a method.
	 * @param method the called method
	 * @param type the bean's user class
	 * @return the guards, empty for an unprotected method
	 */
	List<Guard> of(Method method, Class<?> type) {
		List<Guard> guards = this.cache.get(method);
		if (guards == null) {
			guards = this.cache.computeIfAbsent(method, (key) -> find(key, type));
		}
		return guards;
	}

	static List<Guard> find(Method method, Class<?> type) {
		Method specific = AopUtils.getMostSpecificMethod(method, type);
		MergedAnnotations onMethod = MergedAnnotations.from(specific, SearchStrategy.TYPE_HIERARCHY);
		MergedAnnotations onClass = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY);
		List<Guard> guards = new ArrayList<>();
		for (Guard.Kind kind : Guard.Kind.values()) {
			if (kind == Guard.Kind.THREAD_POOL_BULKHEAD) {
				continue;
			}
			MergedAnnotation<?> annotation = onMethod.get(kind.annotation);
			if (!annotation.isPresent()) {
				annotation = onClass.get(kind.annotation);
			}
			if (annotation.isPresent()) {
				guards.add(guard(kind, annotation, type, specific));
			}
		}
		return List.copyOf(guards);
	}

	private static Guard guard(Guard.Kind kind, MergedAnnotation<?> annotation, Class<?> type, Method method) {
		if (kind == Guard.Kind.SPRING_RETRY) {
			return new Guard(kind, shortName(type, method), "");
		}
		String fallback = annotation.hasNonDefaultValue("fallbackMethod") ? annotation.getString("fallbackMethod") : "";
		if (kind == Guard.Kind.BULKHEAD && annotation.hasNonDefaultValue("type")
				&& "THREADPOOL".equals(String.valueOf(annotation.getValue("type").orElse(null)))) {
			return new Guard(Guard.Kind.THREAD_POOL_BULKHEAD, annotation.getString("name"), fallback);
		}
		return new Guard(kind, annotation.getString("name"), fallback);
	}

	static String shortName(Class<?> type, Method method) {
		return ChaosEngine.describe(type, method);
	}

}
