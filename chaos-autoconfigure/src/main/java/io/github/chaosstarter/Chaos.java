package io.github.chaosstarter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport;

/**
 * Runtime control of chaos from Java code, typically a JUnit 5 {@code @SpringBootTest}:
 * the operations of the {@code chaos} actuator endpoint, on the same engine. Every change
 * is validated as at startup, applied all or nothing, and recorded in the audit log with
 * the actor {@code api}. <pre class="code">
 * chaos.assault("payments-down")
 *     .target((target) -&gt; target.beans("paymentService").methods("charge*"))
 *     .exception(IllegalStateException.class, "boom")
 *     .probability(0.5)
 *     .maxInjections(3)
 *     .apply();
 * chaos.enable();
 * </pre>
 *
 * @author Chaos Starter team
 */
public class Chaos {

	/** Actor recorded for changes made through this API. */
	public static final String ACTOR = "api";

	private final ChaosEngine engine;

	private final ObjectProvider<Reports> reports;

	/**
	 * Create a new instance.
	 * @param engine the engine
	 * @param reports the resilience report, where one exists
	 */
	public Chaos(ChaosEngine engine, ObjectProvider<Reports> reports) {
		this.engine = engine;
		this.reports = reports;
	}

	/**
	 * Switch chaos on, keeping the assaults. A new experiment (and report) starts.
	 * @return the new state
	 */
	public State enable() {
		return this.engine.change(Map.of("enabled", true), ACTOR, "Chaos.enable()");
	}

	/**
	 * Switch chaos off, keeping the assaults.
	 * @return the new state
	 */
	public State disable() {
		return this.engine.change(Map.of("enabled", false), ACTOR, "Chaos.disable()");
	}

	/**
	 * Switch chaos off and restore the application's own configuration.
	 * @return the new state
	 */
	public State halt() {
		return this.engine.halt(ACTOR, "Chaos.halt()");
	}

	/**
	 * Return the current state, with per-assault counters.
	 * @return the state
	 */
	public State state() {
		return this.engine.state();
	}

	/**
	 * Start describing an assault that is added, or replaces the assault of that name,
	 * when {@link AssaultBuilder#apply()} is called.
	 * @param name the assault's name
	 * @return a builder
	 */
	public AssaultBuilder assault(String name) {
		return new AssaultBuilder(name,
				(assault) -> this.engine.put(name, assault, ACTOR, "Chaos.assault('" + name + "').apply()"));
	}

	/**
	 * Remove an assault.
	 * @param name the assault's name
	 * @return the new state
	 */
	public State remove(String name) {
		return this.engine.put(name, null, ACTOR, "Chaos.remove('" + name + "')");
	}

	/**
	 * Apply a change written as the JSON body of {@code POST /actuator/chaos}: the
	 * structure and names of the {@code chaos.*} properties, kebab-case or camelCase.
	 * @param change the change
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the change is invalid; nothing changed
	 * then
	 */
	public State change(Map<String, ?> change) {
		return this.engine.change(change, ACTOR, "Chaos.change()");
	}

	/**
	 * Return the resilience report of the current experiment.
	 * @return the report
	 * @throws IllegalStateException when the report is not available
	 */
	public ResilienceReport report() {
		return reports().report();
	}

	/**
	 * Start a new, empty experiment and report.
	 * @throws IllegalStateException when the report is not available
	 */
	public void resetReport() {
		reports().reset();
	}

	private Reports reports() {
		Reports reports = this.reports.getIfAvailable();
		if (reports == null) {
			throw new IllegalStateException("No resilience report is available: it is built when the "
					+ "chaos-spring-boot-autoconfigure report configuration is active (see docs/report.md)");
		}
		return reports;
	}

	/**
	 * Produces the resilience report of the current experiment: the extension point
	 * through which the report reaches this API and the endpoint.
	 */
	public interface Reports {

		/**
		 * Return the report of the current experiment.
		 * @return the report
		 */
		ResilienceReport report();

		/**
		 * Return the figures behind the report's rates and percentiles, which a fleet
		 * report sums across instances to recompute them.
		 * @return the figures, or {@code null} when this implementation keeps none (the
		 * fleet report then leaves the combined percentiles out)
		 */
		default ServiceReport.@Nullable Figures figures() {
			return null;
		}

		/**
		 * Start a new, empty experiment.
		 */
		void reset();

	}

	/**
	 * The chaos state, as {@code GET /actuator/chaos} shows it.
	 *
	 * @param enabled whether chaos is on
	 * @param dryRun whether faults are only counted
	 * @param seed seed of the random generator, or {@code null}
	 * @param duration how long chaos stays on after it was enabled, zero for no limit
	 * @param enabledAt when chaos was last enabled, or {@code null} while off
	 * @param haltAt when chaos switches itself off, or {@code null}
	 * @param guard the in-app safety stop
	 * @param hypothesis the steady state the experiment verdict checks, or {@code null}
	 * @param expect the expected class of each dependency ({@code critical},
	 * {@code degradable} or {@code optional}) by name, empty for none
	 * @param assaults every assault by name
	 * @param watched the beans that get the chaos advice
	 * @param warnings what makes chaos miss, such as no bean being watched
	 * @param history the most recent changes, oldest first
	 */
	public record State(boolean enabled, boolean dryRun, @Nullable Long seed, Duration duration,
			@Nullable Instant enabledAt, @Nullable Instant haltAt, Guard guard, @Nullable Hypothesis hypothesis,
			Map<String, String> expect, Map<String, AssaultState> assaults, Watched watched, List<String> warnings,
			List<Change> history) {
	}

	/**
	 * The guard's settings.
	 *
	 * @param maxErrorRate share of 5xx responses above which chaos halts, 1.0 for off
	 * @param window the window of the measurement
	 */
	public record Guard(double maxErrorRate, Duration window) {
	}

	/**
	 * The steady state that must hold while chaos runs ({@code chaos.hypothesis.*}).
	 *
	 * @param paths path patterns of the inbound requests that count, empty for all but
	 * the management endpoints
	 * @param maxErrorRate largest share of 5xx responses, or {@code null} for no bound
	 * @param maxLatency largest p99 response time, or {@code null} for no bound
	 * @param baseline the window before chaos was switched on that serves as the baseline
	 * @param minRequests fewest requests in each window for a verdict
	 */
	public record Hypothesis(List<String> paths, @Nullable Double maxErrorRate, @Nullable Duration maxLatency,
			Duration baseline, int minRequests) {
	}

	/**
	 * One assault with its counters.
	 *
	 * @param definition the assault written with the names of the
	 * {@code chaos.assaults.<name>.*} properties, in camelCase
	 * @param matched calls that matched its target
	 * @param injected faults it injected
	 * @param dryRunHits faults it would have injected in a dry run
	 * @param matches watched beans its target selects (at most 20)
	 * @param warnings why it selects no bean, when it selects none
	 */
	public record AssaultState(Map<String, Object> definition, long matched, long injected, long dryRunHits,
			List<String> matches, List<String> warnings) {
	}

	/**
	 * The beans that get the chaos advice.
	 *
	 * @param count how many
	 * @param beans their names (at most 200)
	 */
	public record Watched(int count, List<String> beans) {
	}

	/**
	 * One change of the chaos state.
	 *
	 * @param at when it happened
	 * @param actor who made it
	 * @param description how it arrived or why it happened
	 * @param changes what changed
	 */
	public record Change(Instant at, String actor, String description, List<String> changes) {
	}

}
