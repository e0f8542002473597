package io.github.chaosstarter.benchmarks.breaker;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Service;

/**
 * Trivial service methods behind circuit breaker {@code guarded}, one of them with a
 * fallback.
 *
 * @author Chaos Starter team
 */
@Service
public class GuardedService {

	/**
	 * Return a score for a name.
	 * @param name a name
	 * @return its length plus one
	 */
	@CircuitBreaker(name = "guarded")
	public int score(String name) {
		return name.length() + 1;
	}

	/**
	 * Return a score for a name, or {@code 0} when the call fails.
	 * @param name a name
	 * @return its length plus one
	 */
	@CircuitBreaker(name = "guarded", fallbackMethod = "noScore")
	public int scoreOrNone(String name) {
		return name.length() + 1;
	}

	int noScore(String name, Throwable failure) {
		return 0;
	}

}
