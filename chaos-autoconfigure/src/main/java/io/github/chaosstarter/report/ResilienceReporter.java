package io.github.chaosstarter.report;

/**
 * Produces the resilience report of the current experiment. The {@code chaos} endpoint
 * and the {@code Chaos} API use the bean of this type when one exists.
 *
 * @author Chaos Starter team
 */
public interface ResilienceReporter {

	/**
	 * Return the report of the current experiment.
	 * @return the report
	 */
	ResilienceReport report();

	/**
	 * Start a new, empty experiment.
	 */
	void reset();

}
