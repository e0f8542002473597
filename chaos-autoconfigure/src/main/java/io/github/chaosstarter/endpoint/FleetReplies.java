package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The replies to one fleet request, by the bus id that sent them; done when as many as
 * expected arrived, or at the timeout.
 *
 * @author Chaos Starter team
 */
final class FleetReplies {

	private final int expected;

	private final Map<String, ChaosFleetEvent> byId = new LinkedHashMap<>();

	FleetReplies(int expected) {
		this.expected = expected;
	}

	synchronized void add(ChaosFleetEvent reply) {
		this.byId.putIfAbsent(reply.getOriginService(), reply);
		notifyAll();
	}

	synchronized Map<String, ChaosFleetEvent> await(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (this.byId.size() < this.expected) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new LinkedHashMap<>(this.byId);
	}

}
