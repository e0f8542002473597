package io.github.chaosstarter.report;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Configuration that behaves badly under failure, whatever the verdict: a fixed retry
 * wait, a retry whose aspect wraps the breaker's, a breaker on a {@code @RestController}
 * without a fallback.
 *
 * @author Chaos Starter team
 */
final class Warnings {

	private final InstanceSettings settings;

	private final Experiment experiment;

	Warnings(InstanceSettings settings, Experiment experiment) {
		this.settings = settings;
		this.experiment = experiment;
	}

	List<String> breaker(String name) {
		List<String> warnings = new ArrayList<>();
		this.experiment.methods.forEach((method, stats) -> {
			Guard breaker = find(stats.guards, Guard.Kind.CIRCUIT_BREAKER);
			if (breaker == null || !breaker.name().equals(name)) {
				return;
			}
			Guard retry = find(stats.guards, Guard.Kind.RETRY);
			if (retry != null) {
				addOnce(warnings, retryWrapsBreaker(retry.name(), name));
			}
			if (stats.restController && !breaker.hasFallback()) {
				addOnce(warnings, "guards " + method + " of a @RestController without a fallbackMethod: while it is "
						+ "open callers get CallNotPermittedException (an error response)");
			}
		});
		return warnings;
	}

	List<String> retry(String name) {
		List<String> warnings = new ArrayList<>();
		InstanceSettings.RetrySettings config = this.settings.retry(name);
		if (config != null && config.fixedWait() != null && config.maxAttempts() > 1) {
			warnings.add("fixed wait of " + ChaosEngine.format(config.fixedWait())
					+ " without backoff or jitter: retry storm risk (enableExponentialBackoff, enableRandomizedWait)");
		}
		this.experiment.methods.forEach((method, stats) -> {
			Guard retry = find(stats.guards, Guard.Kind.RETRY);
			Guard breaker = find(stats.guards, Guard.Kind.CIRCUIT_BREAKER);
			if (retry != null && breaker != null && retry.name().equals(name)) {
				addOnce(warnings, retryWrapsBreaker(name, breaker.name()));
			}
		});
		return warnings;
	}

	/**
	 * A retry whose aspect wraps the breaker's (Resilience4j's default order) makes every
	 * attempt a breaker failure: the breaker opens maxAttempts times sooner and, once
	 * open, the retry retries its refusals.
	 */
	private @Nullable String retryWrapsBreaker(String retry, String breaker) {
		int[] orders = this.settings.retryAndBreakerOrder();
		if (orders == null || orders[0] >= orders[1]) {
			return null;
		}
		return "retry `" + retry + "` wraps circuit breaker `" + breaker
				+ "` on the inside (resilience4j.retry.retryAspectOrder=" + orders[0]
				+ " < resilience4j.circuitbreaker.circuitBreakerAspectOrder=" + orders[1]
				+ "): each retry counts as a circuit breaker failure";
	}

	private static @Nullable Guard find(List<Guard> guards, Guard.Kind kind) {
		for (Guard guard : guards) {
			if (guard.kind() == kind) {
				return guard;
			}
		}
		return null;
	}

	private static void addOnce(List<String> warnings, @Nullable String warning) {
		if (warning != null && !warnings.contains(warning)) {
			warnings.add(warning);
		}
	}

}
