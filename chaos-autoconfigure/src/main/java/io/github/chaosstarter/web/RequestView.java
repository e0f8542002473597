package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

/**
 * What request conditions need to know about the inbound request being served.
 *
 * @author Chaos Starter team
 */
interface RequestView {

	/**
	 * Return the upper-case HTTP method.
	 * @return the method
	 */
	String method();

	/**
	 * Return the path within the application (without the context path).
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
	 * @return the name or {@code null} when nobody is authenticated
	 */
	@Nullable String principal();

	/**
	 * Return whether the starter's request filter is evaluating request-only assaults, as
	 * opposed to an advised bean call made while the request is served.
	 * @return {@code true} inside the request filter
	 */
	boolean filterPass();

	/**
	 * Return whether the request is for an actuator endpoint, which chaos never touches.
	 * @return {@code true} for actuator endpoint paths
	 */
	boolean management();

}
