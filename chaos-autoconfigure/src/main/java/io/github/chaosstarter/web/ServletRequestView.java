package io.github.chaosstarter.web;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.github.chaosstarter.engine.RequestFacts;

/**
 * A servlet request as request conditions see it.
 *
 * @author Chaos Starter team
 */
final class ServletRequestView implements RequestFacts {

	private final HttpServletRequest request;

	private final ManagementPaths managementPaths;

	ServletRequestView(HttpServletRequest request, ManagementPaths managementPaths) {
		this.request = request;
		this.managementPaths = managementPaths;
	}

	/**
	 * Return the request that Spring MVC bound to the current thread.
	 * @param managementPaths the actuator endpoint paths
	 * @return the view or {@code null} outside a request
	 */
	static @Nullable RequestFacts current(ManagementPaths managementPaths) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return new ServletRequestView(servlet.getRequest(), managementPaths);
		}
		return null;
	}

	@Override
	public String method() {
		return this.request.getMethod().toUpperCase(Locale.ROOT);
	}

	@Override
	public String path() {
		return pathWithinApplication(this.request);
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public @Nullable String principal() {
		Principal principal = this.request.getUserPrincipal();
		if (principal != null) {
			return principal.getName();
		}
		return SecurityContextPrincipal.PRESENT ? SecurityContextPrincipal.name() : null;
	}

	@Override
	public boolean management() {
		return isManagement(this.request, this.managementPaths);
	}

	/**
	 * Return whether a servlet request is for an actuator endpoint: its path within the
	 * application, or within the dispatcher servlet's mapping when that is a prefix.
	 * @param request the request
	 * @param managementPaths the actuator endpoint paths
	 * @return {@code true} for actuator endpoint paths
	 */
	static boolean isManagement(HttpServletRequest request, ManagementPaths managementPaths) {
		return managementPaths.contains(pathWithinApplication(request))
				|| (request.getPathInfo() != null && managementPaths.contains(request.getPathInfo()));
	}

}
