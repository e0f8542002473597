package io.github.chaosstarter.engine;

import java.util.List;

/**
 * Conditions on an outbound HTTP call.
 *
 * @param hosts host names, exact or {@code *.example.com}
 * @param paths Spring path patterns
 * @param methods upper-case HTTP method names
 * @author Chaos Starter team
 */
record ClientSpec(List<String> hosts, List<String> paths, List<String> methods) {

	/**
	 * Create a new instance.
	 */
	ClientSpec {
		hosts = List.copyOf(hosts);
		paths = List.copyOf(paths);
		methods = List.copyOf(methods);
	}

	/**
	 * Return whether no condition is given.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return this.hosts.isEmpty() && this.paths.isEmpty() && this.methods.isEmpty();
	}

}
