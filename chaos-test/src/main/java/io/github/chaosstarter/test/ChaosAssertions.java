package io.github.chaosstarter.test;

import io.github.chaosstarter.report.ResilienceReport;

/**
 * Entry point of the AssertJ assertions on a {@link ResilienceReport}: <pre class="code">
 * ChaosAssertions.assertThat(chaos.report())
 *     .circuitBreaker("payments").reacted()
 *     .and().retry("inventory").notExercised()
 *     .and().hasNoUnprotectedMethods();
 * </pre> A failure message carries the report's own reason for the verdict, and, when no
 * entry has the name asked for, the names the report has.
 *
 * @author Chaos Starter team
 * @see ChaosExperiment
 */
public final class ChaosAssertions {

	private ChaosAssertions() {
	}

	/**
	 * Create assertions on a resilience report.
	 * @param report the report, usually {@code chaos.report()}
	 * @return the assertions
	 */
	public static ResilienceReportAssert assertThat(ResilienceReport report) {
		return new ResilienceReportAssert(report);
	}

}
