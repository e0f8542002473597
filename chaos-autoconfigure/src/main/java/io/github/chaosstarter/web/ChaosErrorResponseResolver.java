package io.github.chaosstarter.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import io.github.chaosstarter.ChaosErrorResponseException;

/**
 * Turns an error-response assault thrown by advised bean code into its response before
 * any of the application's own exception handling ({@code @ControllerAdvice},
 * {@code @ExceptionHandler}) sees it, so the client gets the configured status and a
 * problem body that leaks nothing.
 *
 * @author Chaos Starter team
 */
final class ChaosErrorResponseResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		ChaosErrorResponseException chaos = ChaosProblem.find(ex);
		if (chaos == null || response.isCommitted()) {
			return null;
		}
		try {
			response.reset();
			ChaosRequestFilter.write(ChaosProblem.of(chaos), response);
			return new ModelAndView();
		}
		catch (IOException writeFailure) {
			return null;
		}
	}

}
