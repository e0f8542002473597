package io.github.chaosstarter.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.InjectedFaults;

/**
 * The one place that decides whether the call a resilience event belongs to carried an
 * injected fault. An exception counts when it, or one in its cause chain, carries the
 * engine's mark; when it is an HTTP client's exception for a response chaos faked; or
 * when it is a refusal or timeout that an attributed event announced on the same thread
 * just before it was created (a breaker opened by injected faults refusing a call, a
 * bulkhead whose permits injected latency held, a time limiter cutting short an injected
 * delay). Such an exception is marked on first sight, so that every later event that
 * carries it counts too.
 *
 * @author Chaos Starter team
 */
final class Attribution {

	static final int MAX_CAUSE_DEPTH = 16;

	/** How long an announced refusal waits for its exception on the same thread. */
	static final long FRESH_NANOS = 20_000_000L;

	private static final boolean WEB_PRESENT = ClassUtils
		.isPresent("org.springframework.web.client.RestClientResponseException", Attribution.class.getClassLoader());

	private static final boolean WEBCLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			Attribution.class.getClassLoader());

	private static final boolean BREAKER_PRESENT = ClassUtils.isPresent(
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException", Attribution.class.getClassLoader());

	private static final boolean BULKHEAD_PRESENT = ClassUtils
		.isPresent("io.github.resilience4j.bulkhead.BulkheadFullException", Attribution.class.getClassLoader());

	private final ThreadLocal<@Nullable Pending> pending = new ThreadLocal<>();

	/**
	 * The announced exception last attributed on this thread when it cannot carry the
	 * mark, so that the layers above (a breaker, then a fallback) count it too.
	 */
	private final ThreadLocal<@Nullable Seen> unmarkable = new ThreadLocal<>();

	private final Map<String, Boolean> openedByInjection = new ConcurrentHashMap<>();

	/**
	 * Return whether a failure that a resilience library saw was injected.
	 * @param failure the failure, or {@code null}
	 * @return {@code true} when its call carried an injected fault
	 */
	boolean injected(@Nullable Throwable failure) {
		return injectedTarget(failure) != null;
	}

	/**
	 * Tell whether a failure that a resilience library saw was injected, and into which
	 * bean method: one walk down its cause chain for both.
	 * @param failure the failure, or {@code null}
	 * @return the method the injected exception in its cause chain was injected into (as
	 * {@link io.github.chaosstarter.engine.ChaosListener.Injection#target()} names it),
	 * an empty string when the call carried an injected fault into no bean method (a
	 * faked response, a refusal, a timeout), or {@code null} when it carried none
	 */
	@Nullable String injectedTarget(@Nullable Throwable failure) {
		if (failure == null) {
			return null;
		}
		String target = InjectedFaults.markedTarget(failure);
		if (target != null) {
			return target;
		}
		Pending pending = fresh(this.pending.get(), this.pending);
		Seen unmarkable = fresh(this.unmarkable.get(), this.unmarkable);
		// one walk down the cause chain: Throwable.getCause() takes a lock
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			target = (depth > 0) ? InjectedFaults.markedTarget(current) : null;
			if (target != null) {
				return target;
			}
			if (unmarkable != null && current == unmarkable.failure()) {
				return "";
			}
			if (pending != null && current.getClass().getName().equals(pending.type())) {
				this.pending.remove();
				if (sameInstance(pending, current)) {
					markAnnounced(current);
					return "";
				}
				// another bulkhead's rejection: the announced one was never seen
				pending = null;
			}
			if ((WEB_PRESENT && FakedResponses.restClient(current))
					|| (WEBCLIENT_PRESENT && FakedResponses.webClient(current))
					|| (BREAKER_PRESENT && refusedAfterInjection(current))) {
				InjectedFaults.mark(current);
				return "";
			}
			Throwable cause = current.getCause();
			current = (cause != current) ? cause : null;
		}
		return null;
	}

	private static <T extends Fresh> @Nullable T fresh(@Nullable T value, ThreadLocal<@Nullable T> holder) {
		if (value != null && System.nanoTime() - value.nanoTime() > FRESH_NANOS) {
			holder.remove();
			return null;
		}
		return value;
	}

	private static boolean sameInstance(Pending pending, Throwable failure) {
		String instance = BULKHEAD_PRESENT ? Rejections.bulkhead(failure) : null;
		return pending.instance() == null || instance == null || instance.equals(pending.instance());
	}

	private void markAnnounced(Throwable announced) {
		InjectedFaults.mark(announced);
		if (!InjectedFaults.isMarked(announced)) {
			// created without suppression (a BulkheadFullException): remembered instead
			this.unmarkable.set(new Seen(announced, System.nanoTime()));
		}
	}

	/**
	 * Announce that the next exception of the given type seen on this thread is the
	 * refusal or timeout of a call that carried an injected fault.
	 * @param type the exception's class name
	 * @param instance the name of the instance that raises it, or {@code null} when the
	 * exception does not carry one (a {@code TimeoutException})
	 */
	void announce(String type, @Nullable String instance) {
		this.pending.set(new Pending(type, instance, System.nanoTime()));
	}

	/**
	 * Withdraw an announcement: an instance refused or timed out a call that carried no
	 * injected fault, so the next exception of that type on this thread is a real one.
	 * @param type the exception's class name
	 */
	void withdraw(String type) {
		Pending pending = this.pending.get();
		if (pending != null && pending.type().equals(type)) {
			this.pending.remove();
		}
	}

	private boolean refusedAfterInjection(Throwable failure) {
		String breaker = Refusals.breaker(failure);
		return breaker != null && openedByInjection(breaker);
	}

	/**
	 * Record whether the breaker's latest opening was caused by injected faults: while it
	 * stays open (and half-open), its refusals count as injected.
	 */
	void opened(String breaker, boolean byInjection) {
		this.openedByInjection.put(breaker, byInjection);
	}

	boolean openedByInjection(String breaker) {
		return Boolean.TRUE.equals(this.openedByInjection.get(breaker));
	}

	private interface Fresh {

		long nanoTime();

	}

	private record Pending(String type, @Nullable String instance, long nanoTime) implements Fresh {
	}

	private record Seen(Throwable failure, long nanoTime) implements Fresh {
	}

	/**
	 * Responses faked by a client assault carry {@code X-Chaos-Assault}; loaded only with
	 * spring-web.
	 */
	private static final class FakedResponses {

		static boolean restClient(Throwable failure) {
			if (failure instanceof org.springframework.web.client.RestClientResponseException response) {
				var headers = response.getResponseHeaders();
				return headers != null && headers.getFirst("X-Chaos-Assault") != null;
			}
			return false;
		}

		static boolean webClient(Throwable failure) {
			if (failure instanceof org.springframework.web.reactive.function.client.WebClientResponseException response) {
				return response.getHeaders().getFirst("X-Chaos-Assault") != null;
			}
			return false;
		}

	}

	/**
	 * Loaded only with resilience4j-circuitbreaker.
	 */
	private static final class Refusals {

		static @Nullable String breaker(Throwable failure) {
			return (failure instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException refused)
					? refused.getCausingCircuitBreakerName() : null;
		}

	}

	/**
	 * Loaded only with resilience4j-bulkhead.
	 */
	private static final class Rejections {

		/**
		 * The bulkhead's name, from the message Resilience4j gives the exception
		 * ({@code Bulkhead 'name' is full ...}); 2.4 has no accessor for it.
		 */
		static @Nullable String bulkhead(Throwable failure) {
			if (!(failure instanceof io.github.resilience4j.bulkhead.BulkheadFullException)) {
				return null;
			}
			String message = failure.getMessage();
			int end = (message != null && message.startsWith(PREFIX)) ? message.indexOf("' is full", PREFIX.length())
					: -1;
			return (end > 0) ? message.substring(PREFIX.length(), end) : null;
		}

		private static final String PREFIX = "Bulkhead '";

	}

}
