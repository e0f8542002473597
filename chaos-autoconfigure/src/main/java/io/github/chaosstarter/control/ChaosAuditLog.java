package io.github.chaosstarter.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.runtime.ChaosChange;
import io.github.chaosstarter.runtime.ChaosChangeListener;

/**
 * Logs every change of the chaos state on logger {@code io.github.chaosstarter.audit}
 * (what changed, who changed it, when) and keeps the most recent changes for the
 * {@code chaos} endpoint. Independent of the runtime, so that the runtime can tell it
 * about changes.
 *
 * @author Chaos Starter team
 */
public class ChaosAuditLog implements ChaosChangeListener {

	/** Name of the audit logger. */
	public static final String LOGGER_NAME = "io.github.chaosstarter.audit";

	/** Number of changes kept. */
	public static final int DEFAULT_CAPACITY = 50;

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final int capacity;

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * Create an audit log that keeps the last {@value #DEFAULT_CAPACITY} changes.
	 */
	public ChaosAuditLog() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Create an audit log.
	 * @param capacity how many changes to keep
	 */
	public ChaosAuditLog(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public void onChange(ChaosChange change) {
		List<String> changes = differences(change.previous().spec(), change.current().spec());
		Entry entry = new Entry(change.at(), change.actor(), change.description(), changes, change.current().version());
		synchronized (this.entries) {
			// listeners run after the swap, outside the runtime's lock: keep the order of
			// the states
			int index = this.entries.size();
			while (index > 0 && this.entries.get(index - 1).version() > entry.version()) {
				index--;
			}
			this.entries.add(index, entry);
			while (this.entries.size() > this.capacity) {
				this.entries.remove(0);
			}
		}
		if (logger.isInfoEnabled()) {
			logger.info("Chaos changed by '" + entry.actor() + "' at " + entry.at() + " (" + entry.description() + "): "
					+ (changes.isEmpty() ? "nothing changed" : String.join("; ", changes)));
		}
	}

	/**
	 * Return the kept changes, oldest first.
	 * @return the changes
	 */
	public List<Entry> entries() {
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
	public static List<String> differences(ChaosSpec before, ChaosSpec after) {
		List<String> changes = new ArrayList<>();
		if (before.enabled() != after.enabled()) {
			changes.add(after.enabled() ? "enabled" : "disabled");
		}
		difference(changes, "dry-run", before.dryRun(), after.dryRun());
		difference(changes, "seed", before.seed(), after.seed());
		difference(changes, "duration", before.duration(), after.duration());
		difference(changes, "guard.max-error-rate", before.guard().maxErrorRate(), after.guard().maxErrorRate());
		difference(changes, "guard.window", before.guard().window(), after.guard().window());
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
			changes.add(name + " " + before + " -> " + after);
		}
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
	public record Entry(Instant at, String actor, String description, List<String> changes, long version) {

		/**
		 * Create a new instance.
		 */
		public Entry {
			changes = List.copyOf(changes);
		}

	}

}
