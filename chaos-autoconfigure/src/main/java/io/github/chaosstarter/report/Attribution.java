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

	private static final int MAX_CAUSE_DEPTH = 16;

	/** How long an announced refusal waits for its exception on the same thread. */
	static final long FRESH_NANOS = 20_000_000L;

	private static final boolean WEB_PRESENT = ClassUtils
		.isPresent("org.springframework.web.client.RestClientResponseException", Attribution.class.getClassLoader());

	private static final boolean WEBCLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			Attribution.class.getClassLoader());

	private static final boolean BREAKER_PRESENT = ClassUtils.isPresent(
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException", Attribution.class.getClassLoader());

	private final ThreadLocal<@Nullable Pending> pending = new ThreadLocal<>();

	private final Map<String, Boolean> openedByInjection = new ConcurrentHashMap<>();

	/**
	 * Return whether a failure that a resilience library saw was injected.
	 * @param failure the failure, or {@code null}
	 * @return {@code true} when its call carried an injected fault
	 */
	boolean injected(@Nullable Throwable failure) {
		if (failure == null) {
			return false;
		}
		if (InjectedFaults.injectedIn(failure, MAX_CAUSE_DEPTH) != null) {
			return true;
		}
		Throwable announced = announced(failure);
		if (announced != null) {
			InjectedFaults.mark(announced);
			return true;
		}
		Throwable faked = faked(failure);
		if (faked != null) {
			InjectedFaults.mark(faked);
			return true;
		}
		return false;
	}

	/**
	 * Announce that the next exception of the given type seen on this thread is the
	 * refusal or timeout of a call that carried an injected fault.
	 * @param type the exception's class name
	 */
	void announce(String type) {
		this.pending.set(new Pending(type, System.nanoTime()));
	}

	private @Nullable Throwable announced(Throwable failure) {
		Pending pending = this.pending.get();
		if (pending == null) {
			return null;
		}
		if (System.nanoTime() - pending.nanoTime() > FRESH_NANOS) {
			this.pending.remove();
			return null;
		}
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			if (current.getClass().getName().equals(pending.type())) {
				this.pending.remove();
				return current;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

	private @Nullable Throwable faked(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			if ((WEB_PRESENT && FakedResponses.restClient(current))
					|| (WEBCLIENT_PRESENT && FakedResponses.webClient(current))
					|| (BREAKER_PRESENT && refusedAfterInjection(current))) {
				return current;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
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

	private record Pending(String type, long nanoTime) {
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

}
