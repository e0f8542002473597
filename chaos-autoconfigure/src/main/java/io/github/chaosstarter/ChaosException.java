package io.github.chaosstarter;

import org.jspecify.annotations.Nullable;

/**
 * Default exception thrown by an exception assault. Its message always starts with
 * {@code Chaos assault '<name>':} so that logs and dashboards can tell injected failures
 * from real ones.
 *
 * @author Chaos Starter team
 */
public class ChaosException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public ChaosException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public ChaosException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
