package io.github.chaosstarter.web;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Servlet filter, outside every other filter of the application, that reports the status
 * of each response to the guard of the {@link ChaosEngine}. An exception that escapes the
 * filter chain counts as a 500.
 *
 * @author Chaos Starter team
 */
final class ChaosGuardFilter extends OncePerRequestFilter implements Ordered {

	private final ChaosEngine guard;

	private final ManagementPaths managementPaths;

	ChaosGuardFilter(ChaosEngine guard, ManagementPaths managementPaths) {
		this.guard = guard;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.guard.guardActive() || isManagement(request)) {
			chain.doFilter(request, response);
			return;
		}
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (failed) {
				this.guard.served(500);
			}
			else if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new GuardAsyncListener(response));
			}
			else {
				this.guard.served(response.getStatus());
			}
		}
	}

	private boolean isManagement(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (contextPath != null && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
		return this.managementPaths.contains(path) || this.managementPaths.contains(request.getPathInfo());
	}

	private final class GuardAsyncListener implements AsyncListener {

		private final HttpServletResponse response;

		GuardAsyncListener(HttpServletResponse response) {
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			ChaosGuardFilter.this.guard.served(this.response.getStatus());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
