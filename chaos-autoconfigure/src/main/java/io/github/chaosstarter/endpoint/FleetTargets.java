package io.github.chaosstarter.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Which instances a fleet operation addresses: its {@code destination} and
 * {@code instances}, checked before anything is sent, and the deterministic choice.
 *
 * @author Chaos Starter team
 */
final class FleetTargets {

	private FleetTargets() {
	}

	static String destination(@Nullable Object destination) {
		if (destination == null) {
			return "**";
		}
		if (!(destination instanceof String text) || text.isBlank() || text.length() > 200) {
			throw new InvalidChaosPropertyException(FleetService.DESTINATION,
					"must be a bus destination pattern such as 'orders:**', at most 200 characters");
		}
		return text;
	}

	/**
	 * Read {@code instances}: a count ({@code 3}) or a share ({@code "50%"}, rounded up),
	 * of the instances that answered the roll call.
	 */
	static int instances(@Nullable Object instances, int answered) {
		if (instances == null) {
			return answered;
		}
		if (instances instanceof Integer count && count > 0) {
			return Math.min(count, answered);
		}
		if (instances instanceof String share && share.matches("[1-9][0-9]{0,2}%")) {
			int percent = Integer.parseInt(share.substring(0, share.length() - 1));
			if (percent <= 100) {
				return (int) Math.ceil(answered * percent / 100.0);
			}
		}
		throw new InvalidChaosPropertyException(FleetService.INSTANCES,
				"must be a positive whole number of instances (3) or a share of them from 1% to 100% (\"50%\")");
	}

	/**
	 * Choose {@code count} of the sorted bus ids: the same ids for the same seed and the
	 * same answers, whichever instance asks.
	 */
	static List<String> choose(List<String> sortedIds, int count, long seed) {
		List<String> shuffled = new ArrayList<>(sortedIds);
		Collections.shuffle(shuffled, new Random(seed));
		List<String> chosen = new ArrayList<>(shuffled.subList(0, Math.min(count, shuffled.size())));
		Collections.sort(chosen);
		return chosen;
	}

}
