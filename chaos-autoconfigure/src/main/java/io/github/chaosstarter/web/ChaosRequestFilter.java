package io.github.chaosstarter.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.Strike;

/**
 * Servlet filter that applies request-only assaults to matching requests, whether or not
 * they reach a watched bean, and turns an error-response assault that escaped Spring MVC
 * into its response. Runs after Spring Security's filter chain so that the authenticated
 * user is known. While chaos is off it costs one volatile read.
 *
 * @author Chaos Starter team
 */
public class ChaosRequestFilter extends OncePerRequestFilter implements Ordered {

	/** Order of the filter: after Spring Security's filter chain (-100). */
	public static final int ORDER = -50;

	private final RequestChaos chaos;

	private final ManagementPaths managementPaths;

	ChaosRequestFilter(RequestChaos chaos, ManagementPaths managementPaths) {
		this.chaos = chaos;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ChaosState state = this.chaos.holder().current();
		if (state.requestOnlyChaos() && !ServletRequestView.isManagement(request, this.managementPaths)) {
			Strike decision = this.chaos.decide(state, new ServletRequestView(request, true, this.managementPaths));
			if (decision != null && !apply(decision, response)) {
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
	 * Apply a decision before the request proceeds.
	 * @return {@code true} to proceed with the request
	 */
	private boolean apply(Strike decision, HttpServletResponse response) throws ServletException, IOException {
		if (decision.delayNanos() > 0) {
			sleep(decision.delayNanos());
		}
		Throwable failure = decision.failure();
		if (failure != null) {
			throwUnchecked(failure);
		}
		ChaosProblem problem = ChaosProblem.of(decision);
		if (problem != null) {
			write(problem, response);
			return false;
		}
		KillSpec kill = decision.kill();
		if (kill != null && decision.terminal() != null) {
			this.chaos.kill(decision.terminal(), kill);
		}
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
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
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
