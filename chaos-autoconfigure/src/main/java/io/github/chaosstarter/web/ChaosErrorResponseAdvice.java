package io.github.chaosstarter.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.github.chaosstarter.ChaosErrorResponseException;

/**
 * WebFlux advice, ordered before every advice of the application, that turns an
 * error-response assault thrown by advised bean code into its response, so that an
 * application advice handling {@code Exception} neither swallows the status nor leaks a
 * message. Errors that no advice handles (functional endpoints) are answered by
 * {@link ChaosWebFilter}.
 *
 * @author Chaos Starter team
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChaosErrorResponseAdvice implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Answer with the injected error response.
	 * @param exception the error-response exception
	 * @return the response
	 */
	@ExceptionHandler(ChaosErrorResponseException.class)
	public ResponseEntity<String> chaosErrorResponse(ChaosErrorResponseException exception) {
		ChaosProblem problem = ChaosProblem.of(exception);
		HttpHeaders headers = new HttpHeaders();
		if (problem.retryAfter() != null) {
			headers.set(ChaosProblem.RETRY_AFTER_HEADER, problem.retryAfter());
		}
		headers.set(ChaosProblem.ASSAULT_HEADER, problem.assault());
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(HttpStatusCode.valueOf(problem.status())).headers(headers).body(problem.json());
	}

}
