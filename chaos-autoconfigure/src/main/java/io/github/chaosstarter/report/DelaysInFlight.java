package io.github.chaosstarter.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The injected delays in flight under each time limiter and bulkhead, by instance name:
 * what tells a timeout or a rejection caused by injected latency from a real one.
 *
 * @author Chaos Starter team
 */
final class DelaysInFlight {

	private final Map<String, InFlight> limiters = new ConcurrentHashMap<>();

	private final Map<String, InFlight> semaphoreBulkheads = new ConcurrentHashMap<>();

	private final Map<String, InFlight> threadPoolBulkheads = new ConcurrentHashMap<>();

	InFlight limiter(String name) {
		return Experiment.lookup(this.limiters, name, (key) -> new InFlight());
	}

	InFlight bulkhead(String name, boolean threadPool) {
		return Experiment.lookup(threadPool ? this.threadPoolBulkheads : this.semaphoreBulkheads, name,
				(key) -> new InFlight());
	}

}
