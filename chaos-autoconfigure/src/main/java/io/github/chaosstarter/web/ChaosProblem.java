package io.github.chaosstarter.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.engine.Strike;

/**
 * The injected error response as the client sees it: status, {@code Retry-After},
 * {@code X-Chaos-Assault} and an RFC 9457 problem body whose title and detail are
 * generic, so nothing of the application (exception classes, stack traces, messages, bean
 * names) leaks.
 *
 * @author Chaos Starter team
 */
final class ChaosProblem {

	/** Header naming the assault that injected a response. */
	static final String ASSAULT_HEADER = "X-Chaos-Assault";

	/** Header telling the client when to retry. */
	static final String RETRY_AFTER_HEADER = "Retry-After";

	/** Media type of the body. */
	static final String CONTENT_TYPE = "application/problem+json";

	private final String assault;

	private final int status;

	private final @Nullable String retryAfter;

	/**
	 * Return the error response a strike answers with.
	 * @param strike what the assaults do to a call
	 * @return the problem, or {@code null} when no error-response effect applies
	 */
	static @Nullable ChaosProblem of(Strike strike) {
		String assault = strike.assault();
		return (strike.errorStatus() != 0 && assault != null)
				? new ChaosProblem(assault, strike.errorStatus(), strike.retryAfter()) : null;
	}

	ChaosProblem(String assault, int status, @Nullable Duration retryAfter) {
		this.assault = assault;
		this.status = status;
		this.retryAfter = (retryAfter != null) ? retryAfterSeconds(retryAfter) : null;
	}

	/**
	 * Create the response for an error-response exception thrown by advised bean code.
	 * @param exception the exception
	 * @return the response
	 */
	static ChaosProblem of(ChaosErrorResponseException exception) {
		return new ChaosProblem(exception.getAssault(), exception.getStatus(), exception.getRetryAfter());
	}

	/**
	 * Find an error-response exception in a cause chain.
	 * @param throwable the thrown exception
	 * @return the error-response exception or {@code null}
	 */
	static @Nullable ChaosErrorResponseException find(@Nullable Throwable throwable) {
		Throwable candidate = throwable;
		for (int depth = 0; candidate != null && depth < 16; depth++) {
			if (candidate instanceof ChaosErrorResponseException chaos) {
				return chaos;
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	/**
	 * Return the assault's name, the value of {@code X-Chaos-Assault}.
	 * @return the name
	 */
	String assault() {
		return this.assault;
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	int status() {
		return this.status;
	}

	/**
	 * Return the value of {@code Retry-After} in seconds.
	 * @return the value or {@code null} when not set
	 */
	@Nullable String retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return the problem body.
	 * @return the UTF-8 JSON
	 */
	byte[] body() {
		return json().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the problem body as a string.
	 * @return the JSON
	 */
	String json() {
		return "{\"type\":\"about:blank\",\"title\":\"" + title(this.status) + "\",\"status\":" + this.status
				+ ",\"detail\":\"" + detail(this.status) + "\"}";
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : ((status < 500) ? "Client Error" : "Server Error");
	}

	private static String detail(int status) {
		return (status < 500) ? "The request could not be processed." : "The service could not process the request.";
	}

	private static String retryAfterSeconds(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return Long.toString(Math.max(0, seconds));
	}

}
