package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Validated, immutable description of one assault.
 *
 * @param name the assault's name
 * @param target which calls it attacks
 * @param effect what it does
 * @param probability probability that a matching call is attacked
 * @param maxInjections injections after which it stops, or {@code null} for no limit
 * @param enabled whether it is active
 * @param dependency the name of the dependency it attacks when the assault names it, else
 * {@code null}
 * @author Chaos Starter team
 */
record AssaultSpec(String name, TargetSpec target, EffectSpec effect, double probability, @Nullable Long maxInjections,
		boolean enabled, @Nullable String dependency) {

	/**
	 * Conditions on the inbound HTTP request.
	 *
	 * @param paths Spring path patterns
	 * @param methods upper-case HTTP method names
	 * @param headers header names and exact values
	 */
	record HttpSpec(List<String> paths, List<String> methods, Map<String, String> headers) {

		/**
		 * Create a new instance.
		 */
		HttpSpec {
			paths = List.copyOf(paths);
			methods = List.copyOf(methods);
			headers = Map.copyOf(headers);
		}

		/**
		 * Return whether no condition is given.
		 * @return {@code true} when empty
		 */
		boolean isEmpty() {
			return this.paths.isEmpty() && this.methods.isEmpty() && this.headers.isEmpty();
		}

	}

	/**
	 * What an assault does. Exactly one per assault.
	 */
	sealed interface EffectSpec permits ExceptionSpec, LatencySpec, ErrorResponseSpec, UnavailableSpec, MissSpec,
			PoolExhaustionSpec, KillSpec {

		/**
		 * Return the effect's name as written in configuration and meter tags.
		 * @return {@code exception}, {@code latency}, {@code error-response},
		 * {@code unavailable}, {@code miss}, {@code pool-exhaustion} or {@code kill}
		 */
		String kind();

	}

	/**
	 * Throw (or signal) an exception.
	 *
	 * @param type the validated exception class
	 * @param message the message after the {@code Chaos assault 'name':} prefix
	 */
	record ExceptionSpec(Class<? extends Throwable> type, String message) implements EffectSpec {

		@Override
		public String kind() {
			return "exception";
		}

	}

	/**
	 * Delay the call.
	 *
	 * @param min shortest delay
	 * @param max longest delay
	 */
	record LatencySpec(Duration min, Duration max) implements EffectSpec {

		@Override
		public String kind() {
			return "latency";
		}

	}

	/**
	 * Answer with an HTTP error.
	 *
	 * @param status status code, 400 to 599
	 * @param retryAfter value of {@code Retry-After}, or {@code null}
	 */
	record ErrorResponseSpec(int status, @Nullable Duration retryAfter) implements EffectSpec {

		@Override
		public String kind() {
			return "error-response";
		}

	}

	/**
	 * Make the selected dependency unreachable: the call fails as the real client fails
	 * when the dependency cannot be reached.
	 *
	 * @param immediately {@code true} to skip the wait the real client shows
	 */
	record UnavailableSpec(boolean immediately) implements EffectSpec {

		@Override
		public String kind() {
			return "unavailable";
		}

	}

	/**
	 * Make every get on the selected caches miss, so that the application's slow path
	 * runs.
	 */
	record MissSpec() implements EffectSpec {

		@Override
		public String kind() {
			return "miss";
		}

	}

	/**
	 * Hold connections of the selected pools, so that the application waits for one as
	 * when the pool is drained.
	 *
	 * @param connections how many, or {@code 0} for all
	 * @param hold how long, or {@code null} until chaos stops
	 */
	record PoolExhaustionSpec(int connections, @Nullable Duration hold) implements EffectSpec {

		@Override
		public String kind() {
			return "pool-exhaustion";
		}

		/**
		 * Return the number as written in configuration.
		 * @return {@code all} or the number
		 */
		String connectionsText() {
			return (this.connections == 0) ? "all" : String.valueOf(this.connections);
		}

	}

	/**
	 * Stop the application.
	 *
	 * @param abrupt {@code true} to halt the JVM at once, {@code false} to close the
	 * context
	 * @param exitCode exit code of the process
	 */
	record KillSpec(boolean abrupt, int exitCode) implements EffectSpec {

		@Override
		public String kind() {
			return "kill";
		}

		/**
		 * Return the mode as written in configuration.
		 * @return {@code abrupt} or {@code graceful}
		 */
		String mode() {
			return this.abrupt ? "abrupt" : "graceful";
		}

	}

}
