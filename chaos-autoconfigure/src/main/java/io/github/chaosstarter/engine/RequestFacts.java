package io.github.chaosstarter.engine;

import org.jspecify.annotations.Nullable;

/**
 * An inbound HTTP request as assault targets see it. The web integration of each stack
 * implements it; the engine evaluates {@code http} and {@code principal} conditions
 * against it.
 *
 * @author Chaos Starter team
 */
public interface RequestFacts {

	/**
	 * Return the upper-case HTTP method.
	 * @return the method
	 */
	String method();

	/**
	 * Return the path within the application.
	 * @return the path
	 */
	String path();

	/**
	 * Return the first value of a request header.
	 * @param name the header name
	 * @return the value or {@code null}
	 */
	@Nullable String header(String name);

	/**
	 * Return the authenticated user's name.
	 * @return the name, or {@code null} when nobody is authenticated
	 */
	@Nullable String principal();

	/**
	 * Return whether the request is for an actuator endpoint, which chaos never touches.
	 * @return {@code true} for actuator endpoint paths
	 */
	boolean management();

	/**
	 * Finds the request being served on the current thread, for the request conditions of
	 * assaults on bean calls.
	 */
	@FunctionalInterface
	interface Source {

		/** No request is ever known. */
		Source NONE = () -> null;

		/**
		 * Return the request being served on this thread.
		 * @return the request, or {@code null} outside a request
		 */
		@Nullable RequestFacts current();

	}

}
