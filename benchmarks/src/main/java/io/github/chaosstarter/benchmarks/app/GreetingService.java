package io.github.chaosstarter.benchmarks.app;

import org.springframework.stereotype.Service;

/**
 * The trivial service method every benchmark variant calls.
 *
 * @author Chaos Starter team
 */
@Service
public class GreetingService {

	/**
	 * Return the length of a name plus one: enough work that the call cannot be folded
	 * away.
	 * @param name a name
	 * @return its length plus one
	 */
	public int score(String name) {
		return name.length() + 1;
	}

}
