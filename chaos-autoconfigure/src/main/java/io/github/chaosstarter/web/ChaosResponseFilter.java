package io.github.chaosstarter.web;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.RequestLedger;

/**
 * Servlet filter, outside every other filter of the application, that reports each
 * response to the {@link ChaosEngine}: its status and time for the guard, the hypothesis'
 * baseline and the report's endpoints and timeline, and, while chaos is on, whether an
 * injected failure reached the caller and a bounded prefix of the body for the report's
 * leak check. An exception that escapes the filter chain is reported with the response of
 * the error page the container then dispatches to. Nothing is wrapped or allocated while
 * chaos is off and no hypothesis is set.
 *
 * @author Chaos Starter team
 */
final class ChaosResponseFilter extends OncePerRequestFilter implements Ordered {

	private static final String PENDING = ChaosResponseFilter.class.getName() + ".PENDING";

	private static final String[] ERROR_ATTRIBUTES = { DispatcherServlet.EXCEPTION_ATTRIBUTE,
			"org.springframework.boot.webmvc.error.DefaultErrorAttributes.ERROR",
			"org.springframework.boot.web.servlet.error.DefaultErrorAttributes.ERROR",
			RequestDispatcher.ERROR_EXCEPTION };

	private final ChaosEngine engine;

	private final ManagementPaths managementPaths;

	ChaosResponseFilter(ChaosEngine engine, ManagementPaths managementPaths) {
		this.engine = engine;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			errorPage(request, response, chain);
			return;
		}
		if (!this.engine.recording() || isManagement(request)) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		if (!this.engine.recordingChaos()) {
			baseline(request, response, chain, start);
			return;
		}
		ServedResponse served = new ServedResponse(this.engine, request.getMethod(), path(request), start);
		boolean failed = true;
		RequestLedger previous = RequestLedger.bind(served.ledger());
		try {
			chain.doFilter(request, new CapturingResponse(response, served));
			failed = false;
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			served.failure(ex);
			throw ex;
		}
		finally {
			RequestLedger.bind(previous);
			observe(request, response, served);
			if (failed && !response.isCommitted()) {
				request.setAttribute(PENDING, served);
			}
			else if (failed) {
				served.report(500);
			}
			else if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new Completion(request, response, served));
			}
			else {
				served.report(response.getStatus());
			}
		}
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		errorPage(request, response, chain);
	}

	private void baseline(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long start)
			throws ServletException, IOException {
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (!failed && request.isAsyncStarted()) {
				String path = path(request);
				request.getAsyncContext()
					.addListener(new Completion(request, response, null, () -> this.engine.servedBeforeChaos(path,
							response.getStatus(), System.nanoTime() - start)));
			}
			else {
				this.engine.servedBeforeChaos(path(request), failed ? 500 : response.getStatus(),
						System.nanoTime() - start);
			}
		}
	}

	/**
	 * The error page for an exception that escaped a request served while chaos was on:
	 * its response is the one the caller sees.
	 */
	private void errorPage(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(PENDING) instanceof ServedResponse served)) {
			chain.doFilter(request, response);
			return;
		}
		request.removeAttribute(PENDING);
		RequestLedger previous = RequestLedger.bind(served.ledger());
		try {
			chain.doFilter(request, new CapturingResponse(response, served));
		}
		finally {
			RequestLedger.bind(previous);
			observe(request, response, null);
			served.failure(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			served.report(response.getStatus());
		}
	}

	private static void observe(HttpServletRequest request, HttpServletResponse response,
			@Nullable ServedResponse served) {
		if (served == null) {
			return;
		}
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
			served.pattern(pattern);
		}
		for (String attribute : ERROR_ATTRIBUTES) {
			served.failure(request.getAttribute(attribute));
		}
		if (response.getHeader(ChaosProblem.ASSAULT_HEADER) != null) {
			served.writtenByStarter();
		}
	}

	private String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
	}

	private boolean isManagement(HttpServletRequest request) {
		return this.managementPaths.contains(path(request)) || this.managementPaths.contains(request.getPathInfo());
	}

	/**
	 * Reports an asynchronous request when it completes.
	 */
	private static final class Completion implements AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final @Nullable ServedResponse served;

		private final @Nullable Runnable baseline;

		Completion(HttpServletRequest request, HttpServletResponse response, ServedResponse served) {
			this(request, response, served, null);
		}

		Completion(HttpServletRequest request, HttpServletResponse response, @Nullable ServedResponse served,
				@Nullable Runnable baseline) {
			this.request = request;
			this.response = response;
			this.served = served;
			this.baseline = baseline;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			if (this.baseline != null) {
				this.baseline.run();
			}
			else if (this.served != null) {
				observe(this.request, this.response, this.served);
				this.served.report(this.response.getStatus());
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			if (this.served != null) {
				this.served.failure(event.getThrowable());
			}
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
