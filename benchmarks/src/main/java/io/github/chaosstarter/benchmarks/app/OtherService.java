package io.github.chaosstarter.benchmarks.app;

import org.springframework.stereotype.Service;

/**
 * A second watched bean, the target of assaults that must not touch
 * {@link GreetingService}.
 *
 * @author Chaos Starter team
 */
@Service
public class OtherService {

	/**
	 * Return the given value.
	 * @param value a value
	 * @return the value
	 */
	public int echo(int value) {
		return value;
	}

}
