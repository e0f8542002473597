package io.github.chaosstarter.benchmarks.breaker;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Service;

/**
 * A trivial service method behind circuit breaker {@code guarded}.
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

}
