package io.github.chaosstarter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.Strike;

/**
 * Servlet filter that applies request-only assaults to matching requests, whether or not
 * they reach a watched bean, and turns an error-response assault that escaped Spring MVC
 * into its response. Runs after Spring Security's filter chain so that the authenticated
 * user is known. Never touches the actuator endpoints. While chaos is off it costs one
 * volatile read.
 *
 * @author Chaos Starter team
 */
final class ChaosRequestFilter extends OncePerRequestFilter implements Ordered {

	/** Order of the filter: after Spring Security's filter chain (-100). */
	static final int ORDER = -50;

	private final ChaosEngine engine;

	private final ManagementPaths managementPaths;

	ChaosRequestFilter(ChaosEngine engine, ManagementPaths managementPaths) {
		this.engine = engine;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.engine.requestChaos() && !ServletRequestView.isManagement(request, this.managementPaths)) {
			Strike strike = this.engine.strikeRequest(new ServletRequestView(request, this.managementPaths));
			if (strike != null && !apply(strike, response)) {
				return;
			}
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			ChaosErrorResponseException chaos = ChaosProblem.find(ex);
			if (chaos == null || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			write(ChaosProblem.of(chaos), response);
		}
	}

	/**
	 * Apply a strike before the request proceeds.
	 * @return {@code true} to proceed with the request
	 */
	private boolean apply(Strike strike, HttpServletResponse response) throws ServletException, IOException {
		sleep(strike.delayNanos());
		Throwable failure = strike.failure();
		if (failure != null) {
			throwUnchecked(failure);
		}
		ChaosProblem problem = ChaosProblem.of(strike);
		if (problem != null) {
			write(problem, response);
			return false;
		}
		strike.kill();
		return true;
	}

	static void write(ChaosProblem problem, HttpServletResponse response) throws IOException {
		response.setStatus(problem.status());
		if (problem.retryAfter() != null) {
			response.setHeader(ChaosProblem.RETRY_AFTER_HEADER, problem.retryAfter());
		}
		response.setHeader(ChaosProblem.ASSAULT_HEADER, problem.assault());
		response.setContentType(ChaosProblem.CONTENT_TYPE);
		byte[] body = problem.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static void sleep(long nanos) throws ServletException {
		if (nanos <= 0) {
			return;
		}
		try {
			java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("Interrupted during injected latency", ex);
		}
	}

	private static void throwUnchecked(Throwable failure) throws ServletException, IOException {
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof ServletException servlet) {
			throw servlet;
		}
		throw new ServletException(failure.getMessage(), failure);
	}

}
