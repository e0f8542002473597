package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The answer to a fleet change or halt.
	 * @param targets the instances it was sent to
	 * @param answered their replies by bus id
	 * @param sendFailure why the bus could not send it, or {@code null}
	 * @return {@code applied}, {@code refused} (bus id to field and message),
	 * {@code pending} and, when it could not be sent, {@code busError}
	 */
	static Map<String, Object> outcome(List<String> targets, Map<String, ChaosFleetEvent> answered,
			@Nullable String sendFailure) {
		List<String> applied = new ArrayList<>();
		Map<String, Object> refused = new TreeMap<>();
		List<String> pending = new ArrayList<>();
		for (String target : targets) {
			ChaosFleetEvent reply = answered.get(target);
			if (reply == null) {
				pending.add(target);
			}
			else if ("applied".equals(reply.getOutcome())) {
				applied.add(target);
			}
			else {
				Map<String, Object> reason = new LinkedHashMap<>();
				reason.put("field", reply.getField());
				reason.put("message", reply.getMessage());
				refused.put(target, reason);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("applied", applied);
		result.put("refused", refused);
		result.put("pending", pending);
		if (sendFailure != null) {
			result.put("busError", sendFailure);
		}
		return result;
	}

}
