package io.github.chaosstarter.web;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A servlet request as request conditions see it.
 *
 * @author Chaos Starter team
 */
final class ServletRequestView implements RequestView {

	private final HttpServletRequest request;

	private final boolean filterPass;

	ServletRequestView(HttpServletRequest request, boolean filterPass) {
		this.request = request;
		this.filterPass = filterPass;
	}

	/**
	 * Return the request that Spring MVC bound to the current thread.
	 * @return the view or {@code null} outside a request
	 */
	static @Nullable RequestView current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return new ServletRequestView(servlet.getRequest(), false);
		}
		return null;
	}

	@Override
	public String method() {
		return this.request.getMethod().toUpperCase(Locale.ROOT);
	}

	@Override
	public String path() {
		String uri = this.request.getRequestURI();
		String contextPath = this.request.getContextPath();
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
	public boolean filterPass() {
		return this.filterPass;
	}

}
