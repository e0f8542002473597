package io.github.chaosstarter.engine;

import java.util.List;

/**
 * Conditions on a Redis command: the {@code redis} part of an assault's target.
 *
 * @param commands upper-case command names
 * @param keys key patterns with {@code *}
 * @author Chaos Starter team
 */
record RedisSpec(List<String> commands, List<String> keys) {

	/**
	 * Create a new instance.
	 */
	RedisSpec {
		commands = List.copyOf(commands);
		keys = List.copyOf(keys);
	}

	/**
	 * Return whether no condition is given.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return this.commands.isEmpty() && this.keys.isEmpty();
	}

}
