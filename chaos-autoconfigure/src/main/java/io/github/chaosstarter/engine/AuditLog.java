package io.github.chaosstarter.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs every change of the chaos state on logger {@code io.github.chaosstarter.audit}
 * (what changed, who changed it, when) and keeps the most recent changes for
 * {@code GET /actuator/chaos}.
 *
 * @author Chaos Starter team
 */
final class AuditLog {

	/** Name of the audit logger. */
	static final String LOGGER_NAME = "io.github.chaosstarter.audit";

	/** Number of changes kept. */
	static final int CAPACITY = 50;

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * Record one change.
	 * @param entry the change
	 */
	void record(Entry entry) {
		synchronized (this.entries) {
			// recorded after the swap, outside the runtime's lock: keep the order of the
			// states
			int index = this.entries.size();
			while (index > 0 && this.entries.get(index - 1).version() > entry.version()) {
				index--;
			}
			this.entries.add(index, entry);
			while (this.entries.size() > CAPACITY) {
				this.entries.remove(0);
			}
		}
		if (logger.isInfoEnabled()) {
			logger.info("Chaos changed by '" + entry.actor() + "' at " + entry.at() + " (" + entry.description() + "): "
					+ (entry.changes().isEmpty() ? "nothing changed" : String.join("; ", entry.changes())));
		}
	}

	List<Entry> entries() {
		synchronized (this.entries) {
			return List.copyOf(this.entries);
		}
	}

	/**
	 * Describe what differs between two specifications, one sentence per difference.
	 * @param before the specification before
	 * @param after the specification after
	 * @return the differences, empty when nothing changed
	 */
	static List<String> differences(ChaosSpec before, ChaosSpec after) {
		List<String> changes = new ArrayList<>();
		if (before.enabled() != after.enabled()) {
			changes.add(after.enabled() ? "enabled" : "disabled");
		}
		difference(changes, "dryRun", before.dryRun(), after.dryRun());
		difference(changes, "seed", before.seed(), after.seed());
		difference(changes, "duration", before.duration(), after.duration());
		difference(changes, "guard.maxErrorRate", before.guard().maxErrorRate(), after.guard().maxErrorRate());
		difference(changes, "guard.window", before.guard().window(), after.guard().window());
		if (!before.expect().equals(after.expect())) {
			changes.add("expect " + (before.expect().classes().isEmpty() ? "none" : before.expect().classes()) + " -> "
					+ (after.expect().classes().isEmpty() ? "none" : after.expect().classes()));
		}
		if (!Objects.equals(before.hypothesis(), after.hypothesis())) {
			changes.add("hypothesis " + hypothesis(before.hypothesis()) + " -> " + hypothesis(after.hypothesis()));
		}
		Map<String, AssaultSpec> old = before.assaults();
		Map<String, AssaultSpec> now = after.assaults();
		old.forEach((name, spec) -> {
			if (!now.containsKey(name)) {
				changes.add("assault '" + name + "' removed");
			}
		});
		now.forEach((name, spec) -> {
			AssaultSpec previous = old.get(name);
			if (previous == null) {
				changes.add("assault '" + name + "' added (" + spec.effect().kind() + ")");
			}
			else if (!previous.equals(spec)) {
				changes.add("assault '" + name + "' replaced (" + spec.effect().kind() + ")");
			}
		});
		return changes;
	}

	private static void difference(List<String> changes, String name, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(name + " " + text(before) + " -> " + text(after));
		}
	}

	private static String hypothesis(ChaosSpec.@Nullable HypothesisSpec hypothesis) {
		if (hypothesis == null) {
			return "none";
		}
		List<String> figures = new ArrayList<>();
		if (hypothesis.maxErrorRate() != null) {
			figures.add("max-error-rate " + hypothesis.maxErrorRate());
		}
		if (hypothesis.maxLatency() != null) {
			figures.add("max-latency " + SpecCompiler.format(hypothesis.maxLatency()));
		}
		figures.add("paths " + (hypothesis.paths().isEmpty() ? "all" : hypothesis.paths()));
		figures.add("baseline " + SpecCompiler.format(hypothesis.baseline()));
		figures.add("min-requests " + hypothesis.minRequests());
		return "(" + String.join(", ", figures) + ")";
	}

	private static String text(@Nullable Object value) {
		return (value instanceof Duration duration) ? SpecCompiler.format(duration) : String.valueOf(value);
	}

	/**
	 * One change.
	 *
	 * @param at when it happened
	 * @param actor who made it
	 * @param description how it arrived or why it happened
	 * @param changes what changed, one sentence per difference
	 * @param version version of the resulting state
	 */
	record Entry(Instant at, String actor, String description, List<String> changes, long version) {

		Entry {
			changes = List.copyOf(changes);
		}

	}

}
