package io.github.chaosstarter.engine;

import java.util.List;

/**
 * Conditions on an operation on a Spring cache: the {@code cache} part of an assault's
 * target.
 *
 * @param names cache name patterns
 * @param operations {@code get}, {@code put}, {@code evict}; empty for all
 * @author Chaos Starter team
 */
record CacheSpec(List<String> names, List<String> operations) {

	/**
	 * Create a new instance.
	 */
	CacheSpec {
		names = List.copyOf(names);
		operations = List.copyOf(operations);
	}

	/**
	 * Return whether no condition is given.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return this.names.isEmpty() && this.operations.isEmpty();
	}

	/**
	 * Return whether the operation is selected.
	 * @param operation {@code get}, {@code put} or {@code evict}
	 * @return {@code true} when selected
	 */
	boolean selects(String operation) {
		return this.operations.isEmpty() || this.operations.contains(operation);
	}

}
