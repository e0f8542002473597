package io.github.chaosstarter.benchmarks.breaker;

import org.springframework.stereotype.Service;

/**
 * Another watched bean: the target of the assault that must not touch
 * {@link GuardedService}.
 *
 * @author Chaos Starter team
 */
@Service
public class UnguardedService {

	/**
	 * Return the given value.
	 * @param value a value
	 * @return the value
	 */
	public int echo(int value) {
		return value;
	}

}
