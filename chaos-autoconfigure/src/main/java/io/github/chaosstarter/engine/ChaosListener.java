package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.Chaos;

/**
 * Told of every injection and every change of the chaos state. Beans of this type are
 * registered with the engine once the application context is ready. Callbacks run on the
 * calling thread; they must be cheap and must not throw.
 *
 * @author Chaos Starter team
 */
public interface ChaosListener {

	/**
	 * Called for each injected fault, and for each fault a dry run counts.
	 * @param injection what was injected
	 */
	default void onInjection(Injection injection) {
	}

	/**
	 * Called when an injected delay ends before its time because the caller gave up on
	 * the call (a time limiter, a cancelled subscription).
	 * @param injection the delay's injection
	 */
	default void onDelayCancelled(Injection injection) {
	}

	/**
	 * Called for each HTTP server response served while chaos is off to a request that
	 * the hypothesis ({@code chaos.hypothesis.paths}) counts: the baseline. Never for the
	 * management endpoints.
	 * @param status the response status
	 * @param nanos how long the response took
	 */
	default void onBaseline(int status, long nanos) {
	}

	/**
	 * Called for each HTTP server response served while chaos is on, never for the
	 * management endpoints.
	 * @param served the response
	 */
	default void onServed(Served served) {
	}

	/**
	 * Called after each change of the chaos state, and once with the application's own
	 * configuration when the context is ready.
	 * @param change the change
	 */
	default void onChange(Change change) {
	}

	/**
	 * One injected fault.
	 *
	 * @param assault the assault's name
	 * @param effect the effect: {@code exception}, {@code latency},
	 * {@code error-response} or {@code kill}
	 * @param target what was attacked, e.g. {@code PaymentClient.charge} or
	 * {@code GET payments.example.com/charge}
	 * @param beanName the attacked bean's name, or {@code null} for requests and outbound
	 * calls
	 * @param beanType the attacked bean's user class, or {@code null}
	 * @param beanKind the attacked bean's kind ({@code service}, {@code rest-controller},
	 * ...), or {@code null}
	 * @param method the attacked method, or {@code null}
	 * @param failure the injected exception, if any
	 * @param delayNanos the injected delay, zero if none
	 * @param dryRun whether nothing was injected because of a dry run
	 * @param nanoTime {@link System#nanoTime()} when it was decided, which is when its
	 * delay starts
	 * @param at when it was decided
	 * @param dependency the dependency attacked, or {@code null} when the call is not one
	 * to a dependency (a bean method without a {@code dependency} label, an inbound
	 * request)
	 */
	record Injection(String assault, String effect, String target, @Nullable String beanName,
			@Nullable Class<?> beanType, @Nullable String beanKind, @Nullable Method method,
			@Nullable Throwable failure, long delayNanos, boolean dryRun, long nanoTime, Instant at,
			@Nullable Dependency dependency) {

		/**
		 * Create an injection into something other than a dependency.
		 * @param assault the assault's name
		 * @param effect the effect
		 * @param target what was attacked
		 * @param beanName the attacked bean's name, or {@code null}
		 * @param beanType the attacked bean's user class, or {@code null}
		 * @param beanKind the attacked bean's kind, or {@code null}
		 * @param method the attacked method, or {@code null}
		 * @param failure the injected exception, if any
		 * @param delayNanos the injected delay, zero if none
		 * @param dryRun whether nothing was injected because of a dry run
		 * @param nanoTime {@link System#nanoTime()} when it was decided
		 * @param at when it was decided
		 */
		public Injection(String assault, String effect, String target, @Nullable String beanName,
				@Nullable Class<?> beanType, @Nullable String beanKind, @Nullable Method method,
				@Nullable Throwable failure, long delayNanos, boolean dryRun, long nanoTime, Instant at) {
			this(assault, effect, target, beanName, beanType, beanKind, method, failure, delayNanos, dryRun, nanoTime,
					at, null);
		}

	}

	/**
	 * A dependency of the application, as the report and {@code chaos.expect} name it.
	 *
	 * @param name the assault's {@code dependency} label, or the name the target gives
	 * it: {@code jdbc:<data source bean>}, {@code cache:<cache name>},
	 * {@code redis:<factory bean>}, {@code http:<host>:<port>}
	 * @param type {@code jdbc}, {@code cache}, {@code redis}, {@code http}, or
	 * {@code bean} for a labelled bean method
	 */
	record Dependency(String name, String type) {

	}

	/**
	 * One HTTP server response served while chaos was on.
	 *
	 * @param method the request's HTTP method
	 * @param pattern the best-matching route pattern, or {@code null} when no handler
	 * matched
	 * @param counted whether the hypothesis ({@code chaos.hypothesis.paths}) counts the
	 * request
	 * @param status the response status
	 * @param nanos how long the response took
	 * @param injected whether an injected failure reached the caller in this response
	 * @param body a prefix of the body of a response that carried an injected failure,
	 * when it was read and not written by the starter itself, else {@code null}
	 * @param at when it was served
	 * @param dependencies the dependencies called with an injected fault while the
	 * request was served (on its thread, or in its Reactor subscription)
	 * @param degraded those of the dependencies for which a fallback answered, when a
	 * call that an injected fault made fail fell back
	 */
	record Served(String method, @Nullable String pattern, boolean counted, int status, long nanos, boolean injected,
			@Nullable String body, Instant at, List<Dependency> dependencies, List<Dependency> degraded) {

		/**
		 * Create a response during which no dependency was faulted.
		 * @param method the request's HTTP method
		 * @param pattern the best-matching route pattern, or {@code null}
		 * @param counted whether the hypothesis counts the request
		 * @param status the response status
		 * @param nanos how long the response took
		 * @param injected whether an injected failure reached the caller
		 * @param body a prefix of the body, or {@code null}
		 * @param at when it was served
		 */
		public Served(String method, @Nullable String pattern, boolean counted, int status, long nanos,
				boolean injected, @Nullable String body, Instant at) {
			this(method, pattern, counted, status, nanos, injected, body, at, List.of(), List.of());
		}

	}

	/**
	 * One change of the chaos state.
	 *
	 * @param wasEnabled whether chaos was on before
	 * @param enabled whether chaos is on now
	 * @param actor who made it: a principal's name, {@code endpoint}, {@code api},
	 * {@code auto-halt}, {@code guard} or {@code configuration}
	 * @param description how it arrived or why it happened
	 * @param changes what changed, one sentence per difference
	 * @param at when
	 * @param hypothesis the steady-state hypothesis in force after the change, or
	 * {@code null}
	 * @param expect the expected class of each dependency after the change
	 * ({@code critical}, {@code degradable} or {@code optional} by name)
	 */
	record Change(boolean wasEnabled, boolean enabled, String actor, String description, List<String> changes,
			Instant at, Chaos.@Nullable Hypothesis hypothesis, Map<String, String> expect) {

		/**
		 * Create a change with no expected classes.
		 * @param wasEnabled whether chaos was on before
		 * @param enabled whether chaos is on now
		 * @param actor who made it
		 * @param description how it arrived or why it happened
		 * @param changes what changed
		 * @param at when
		 * @param hypothesis the hypothesis in force after the change, or {@code null}
		 */
		public Change(boolean wasEnabled, boolean enabled, String actor, String description, List<String> changes,
				Instant at, Chaos.@Nullable Hypothesis hypothesis) {
			this(wasEnabled, enabled, actor, description, changes, at, hypothesis, Map.of());
		}

		/**
		 * Create a change with no hypothesis in force.
		 * @param wasEnabled whether chaos was on before
		 * @param enabled whether chaos is on now
		 * @param actor who made it
		 * @param description how it arrived or why it happened
		 * @param changes what changed
		 * @param at when
		 */
		public Change(boolean wasEnabled, boolean enabled, String actor, String description, List<String> changes,
				Instant at) {
			this(wasEnabled, enabled, actor, description, changes, at, null, Map.of());
		}

		/**
		 * Return whether this change switched chaos on.
		 * @return {@code true} from off to on
		 */
		public boolean enabledChaos() {
			return !this.wasEnabled && this.enabled;
		}

		/**
		 * Return whether this change switched chaos off.
		 * @return {@code true} from on to off
		 */
		public boolean disabledChaos() {
			return this.wasEnabled && !this.enabled;
		}

	}

}
