package io.github.chaosstarter.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one attacked bean method received during an experiment: the injections of each
 * assault (its {@link Reach reaches}) and the delays, with the mechanisms guarding it.
 *
 * @author Chaos Starter team
 */
final class MethodStats {

	final List<Guard> guards;

	final boolean restController;

	/** The injections into the method, by assault. */
	final Map<String, Reach> reaches = new ConcurrentHashMap<>();

	final Experiment.Delays delays = new Experiment.Delays();

	MethodStats(List<Guard> guards, boolean restController) {
		this.guards = guards;
		this.restController = restController;
	}

	long failures() {
		long failures = 0;
		for (Reach reach : this.reaches.values()) {
			failures += reach.failures.get();
		}
		return failures;
	}

}
