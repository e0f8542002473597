package io.github.chaosstarter;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown (or signalled) by an error-response assault on a bean call. While an HTTP
 * request is served, the starter's web support turns it into the configured status with
 * an RFC 9457 problem body, whatever the application's own error handling would do;
 * elsewhere it reaches the caller as an ordinary {@link ChaosException}.
 *
 * @author Chaos Starter team
 */
public class ChaosErrorResponseException extends ChaosException {

	private static final long serialVersionUID = 1L;

	private final String assault;

	private final int status;

	private final @Nullable Duration retryAfter;

	/**
	 * Create a new instance.
	 * @param assault the assault's name
	 * @param status the HTTP status, 400 to 599
	 * @param retryAfter value of {@code Retry-After}, or {@code null}
	 */
	public ChaosErrorResponseException(String assault, int status, @Nullable Duration retryAfter) {
		super("Chaos assault '" + assault + "': error response " + status);
		this.assault = assault;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the name of the assault that injected this response.
	 * @return the assault's name
	 */
	public String getAssault() {
		return this.assault;
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the value of {@code Retry-After}.
	 * @return the duration or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
