package io.github.chaosstarter.engine;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * Stereotype of a bean, decided by its class's most specific stereotype annotation
 * (meta-annotations included). A {@code @RestController} is a {@link #REST_CONTROLLER}
 * only, a {@code @Controller} that is not a rest controller is a {@link #CONTROLLER}, and
 * {@link #COMPONENT} is a plain {@code @Component} that is none of the others
 * (configuration classes are never a kind).
 *
 * @author Chaos Starter team
 */
enum BeanKind {

	/** {@code @Service}. */
	SERVICE("service"),

	/** {@code @Repository}. */
	REPOSITORY("repository"),

	/** {@code @RestController}. */
	REST_CONTROLLER("rest-controller"),

	/** {@code @Controller} that is not a {@code @RestController}. */
	CONTROLLER("controller"),

	/** {@code @Component} of no other kind. */
	COMPONENT("component");

	private static final String REST_CONTROLLER_ANNOTATION = "org.springframework.web.bind.annotation.RestController";

	private final String id;

	BeanKind(String id) {
		this.id = id;
	}

	/**
	 * Return the name users write in configuration, such as {@code rest-controller}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Find the kind by the name users write.
	 * @param id the name, such as {@code rest-controller}
	 * @return the kind or {@code null}
	 */
	public static @Nullable BeanKind fromId(String id) {
		for (BeanKind kind : values()) {
			if (kind.id.equalsIgnoreCase(id.trim())) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * Return the names of all kinds, for messages.
	 * @return the names, comma separated
	 */
	public static String ids() {
		return Arrays.stream(values()).map(BeanKind::id).collect(Collectors.joining(", "));
	}

	/**
	 * Return the kind of the given bean class.
	 * @param type the user class of the bean
	 * @return the kind or {@code null} when the class has no stereotype
	 */
	public static @Nullable BeanKind of(Class<?> type) {
		if (has(type, Repository.class)) {
			return REPOSITORY;
		}
		if (has(type, Service.class)) {
			return SERVICE;
		}
		if (hasRestController(type)) {
			return REST_CONTROLLER;
		}
		if (has(type, Controller.class)) {
			return CONTROLLER;
		}
		if (has(type, Component.class) && !has(type, Configuration.class)) {
			return COMPONENT;
		}
		return null;
	}

	private static boolean hasRestController(Class<?> type) {
		return AnnotatedElementUtils.hasAnnotation(type, Controller.class)
				&& AnnotatedElementUtils.getAllAnnotationAttributes(type, REST_CONTROLLER_ANNOTATION) != null;
	}

	private static boolean has(Class<?> type, Class<? extends Annotation> annotation) {
		return AnnotatedElementUtils.hasAnnotation(type, annotation);
	}

}
