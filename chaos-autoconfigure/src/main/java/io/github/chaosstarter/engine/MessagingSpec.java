package io.github.chaosstarter.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.PatternMatchUtils;

/**
 * Conditions on messages sent to or received from a broker: the {@code kafka} or
 * {@code rabbit} part of an assault's target.
 *
 * @param destinations topic (Kafka) or exchange (RabbitMQ) patterns; {@code ""} is
 * RabbitMQ's default exchange
 * @param routingKeys routing key patterns (RabbitMQ only)
 * @param operations {@code send}, {@code receive}; empty for both
 * @author Chaos Starter team
 */
record MessagingSpec(List<String> destinations, List<String> routingKeys, List<String> operations) {

	static final MessagingSpec NONE = new MessagingSpec(List.of(), List.of(), List.of());

	/**
	 * Create a new instance.
	 */
	MessagingSpec {
		destinations = List.copyOf(destinations);
		routingKeys = List.copyOf(routingKeys);
		operations = List.copyOf(operations);
	}

	/**
	 * Return whether no condition is given.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return this.destinations.isEmpty() && this.routingKeys.isEmpty() && this.operations.isEmpty();
	}

	/**
	 * Return whether the operation is selected.
	 * @param operation {@code send} or {@code receive}
	 * @return {@code true} when selected
	 */
	boolean selects(String operation) {
		return this.operations.isEmpty() || this.operations.contains(operation);
	}

	/**
	 * Return whether a message is selected.
	 * @param destination the topic or exchange
	 * @param routingKey the routing key, or {@code null} (Kafka)
	 * @param operation {@code send} or {@code receive}
	 * @return {@code true} when every given condition holds
	 */
	boolean matches(String destination, @Nullable String routingKey, String operation) {
		return selects(operation) && matches(this.destinations, destination)
				&& (this.routingKeys.isEmpty() || (routingKey != null && matches(this.routingKeys, routingKey)));
	}

	private static boolean matches(List<String> patterns, String value) {
		if (patterns.isEmpty()) {
			return true;
		}
		for (int i = 0; i < patterns.size(); i++) {
			if (PatternMatchUtils.simpleMatch(patterns.get(i), value)) {
				return true;
			}
		}
		return false;
	}

}
