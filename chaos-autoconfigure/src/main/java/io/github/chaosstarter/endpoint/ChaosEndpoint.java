package io.github.chaosstarter.endpoint;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.ResilienceReport;

/**
 * {@link Endpoint @Endpoint} {@code chaos}: shows the chaos state ({@code GET}), changes
 * it ({@code POST}, with the names and structure of the {@code chaos.*} properties),
 * halts chaos ({@code DELETE}) and serves the resilience report ({@code GET} and
 * {@code DELETE} on {@code /report}). Read-only by default: the write operations are only
 * available with {@code management.endpoint.chaos.access=unrestricted}. Delegates to the
 * same engine as the {@link Chaos} API.
 *
 * @author Chaos Starter team
 */
@Endpoint(id = "chaos", defaultAccess = Access.READ_ONLY)
public class ChaosEndpoint {

	/** Actor recorded for endpoint changes when no principal is known. */
	public static final String ACTOR = "endpoint";

	private static final String REPORT = "report";

	private final ChaosEngine engine;

	private final ObjectProvider<Chaos.Reports> reports;

	/**
	 * Create a new endpoint.
	 * @param engine the engine
	 * @param reports the resilience report, where one exists
	 */
	public ChaosEndpoint(ChaosEngine engine, ObjectProvider<Chaos.Reports> reports) {
		this.engine = engine;
		this.reports = reports;
	}

	/**
	 * Return the current state, the assaults with their counters and the recent changes.
	 * @return the state
	 */
	@ReadOperation
	public ChaosDescriptor chaos() {
		return ChaosDescriptor.of(this.engine.state());
	}

	/**
	 * Change the state. The body has the structure and names of the {@code chaos.*}
	 * properties; top-level values not given stay. Invalid input is answered with status
	 * 400 and changes nothing. Over HTTP the whole body arrives here (see
	 * {@link ChaosOperationInvokerAdvisor}), so that no key is dropped before it is
	 * checked.
	 * @param securityContext the caller
	 * @param body the change
	 * @return the new state, or the reason for refusing the change
	 */
	@WriteOperation
	@SuppressWarnings("deprecation")
	public WebEndpointResponse<Object> change(SecurityContext securityContext,
			@org.springframework.lang.Nullable @Nullable Map<String, Object> body) {
		// Spring's @Nullable marks the parameter optional on Spring Boot 3.5; 4.x also
		// reads JSpecify's
		try {
			Chaos.State state = this.engine.change((body != null) ? body : Map.of(), actor(securityContext),
					"POST /actuator/chaos");
			return new WebEndpointResponse<>(ChaosDescriptor.of(state));
		}
		catch (InvalidChaosPropertyException ex) {
			return badRequest(ex);
		}
	}

	static WebEndpointResponse<Object> badRequest(InvalidChaosPropertyException ex) {
		return new WebEndpointResponse<>(new ErrorDescriptor("Bad Request", ex.getProperty(), ex.getMessage()),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	/**
	 * Halt: switch chaos off and restore every runtime-settable value of the
	 * application's own configuration.
	 * @param securityContext the caller
	 * @return the new state
	 */
	@DeleteOperation
	public ChaosDescriptor halt(SecurityContext securityContext) {
		return ChaosDescriptor.of(this.engine.halt(actor(securityContext), "DELETE /actuator/chaos"));
	}

	/**
	 * Return the resilience report of the current experiment ({@code /report}) in the
	 * format the caller accepts: JSON, or one self-contained HTML page for a browser (see
	 * {@link ReportFormat}).
	 * @param part the sub-path; only {@code report} exists
	 * @param format the format, resolved by actuator from the {@code Accept} header
	 * @return the report, or 404 for any other sub-path
	 */
	@ReadOperation(producesFrom = ReportFormat.class)
	public WebEndpointResponse<Object> report(@Selector String part, ReportFormat format) {
		ResilienceReport report = report(part);
		if (report == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		if (format == ReportFormat.HTML) {
			return new WebEndpointResponse<>(report.html(), WebEndpointResponse.STATUS_OK, ReportFormat.HTML_UTF8);
		}
		return new WebEndpointResponse<>(report, format);
	}

	/**
	 * Return the resilience report of the current experiment, as {@code /report} shows
	 * it.
	 * @param part the sub-path; only {@code report} exists
	 * @return the report, or {@code null} for any other sub-path
	 */
	public @Nullable ResilienceReport report(String part) {
		Chaos.Reports reports = reports(part);
		return (reports != null) ? reports.report() : null;
	}

	/**
	 * Start a new, empty resilience report ({@code /report}).
	 * @param part the sub-path; only {@code report} exists
	 * @return the new, empty report, or 404 for any other sub-path
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> resetReport(@Selector String part) {
		Chaos.Reports reports = reports(part);
		if (reports == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		reports.reset();
		return new WebEndpointResponse<>(reports.report());
	}

	private Chaos.@Nullable Reports reports(String part) {
		return REPORT.equals(part) ? this.reports.getIfAvailable() : null;
	}

	static String actor(@Nullable SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null && principal.getName() != null) ? principal.getName() : ACTOR;
	}

	/**
	 * The chaos state as {@code GET /actuator/chaos} shows it: the names of the
	 * {@code chaos.*} properties in camelCase, durations as in configuration files.
	 *
	 * @param enabled whether chaos is on
	 * @param dryRun whether faults are only counted
	 * @param seed seed of the random generator, or {@code null}
	 * @param duration how long chaos stays on after it was enabled, {@code 0s} for no
	 * limit
	 * @param enabledAt when chaos was enabled, or {@code null} while off
	 * @param haltAt when chaos switches itself off, or {@code null}
	 * @param guard the in-app safety stop
	 * @param hypothesis the steady state the experiment verdict checks, or {@code null}
	 * @param expect the dependencies expected to be critical, degradable or optional, or
	 * {@code null} when none is
	 * @param assaults assaults by name, with their counters, matches and warnings
	 * @param watched how many beans get the advice, and (at most 200 of) their names
	 * @param warnings what makes chaos miss
	 * @param history the most recent changes, oldest first
	 */
	public record ChaosDescriptor(boolean enabled, boolean dryRun, @Nullable Long seed, String duration,
			@Nullable String enabledAt, @Nullable String haltAt, Map<String, Object> guard,
			@Nullable Map<String, Object> hypothesis, @Nullable Map<String, List<String>> expect,
			Map<String, Map<String, Object>> assaults, Chaos.Watched watched, List<String> warnings,
			List<ChangeDescriptor> history) implements OperationResponseBody {

		static ChaosDescriptor of(Chaos.State state) {
			Map<String, Object> guard = new LinkedHashMap<>();
			guard.put("maxErrorRate", state.guard().maxErrorRate());
			guard.put("window", format(state.guard().window()));
			Map<String, Map<String, Object>> assaults = new LinkedHashMap<>();
			state.assaults().forEach((name, assault) -> {
				Map<String, Object> entry = new LinkedHashMap<>(assault.definition());
				entry.put("matched", assault.matched());
				entry.put("injected", assault.injected());
				entry.put("dryRunHits", assault.dryRunHits());
				entry.put("matches", assault.matches());
				entry.put("warnings", assault.warnings());
				assaults.put(name, entry);
			});
			List<ChangeDescriptor> history = state.history()
				.stream()
				.map((change) -> new ChangeDescriptor(change.at().toString(), change.actor(), change.description(),
						change.changes()))
				.toList();
			return new ChaosDescriptor(state.enabled(), state.dryRun(), state.seed(), format(state.duration()),
					text(state.enabledAt()), text(state.haltAt()), guard, hypothesis(state.hypothesis()),
					expect(state.expect()), assaults, state.watched(), state.warnings(), history);
		}

		private static @Nullable Map<String, Object> hypothesis(Chaos.@Nullable Hypothesis hypothesis) {
			if (hypothesis == null) {
				return null;
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("paths", hypothesis.paths());
			if (hypothesis.maxErrorRate() != null) {
				result.put("maxErrorRate", hypothesis.maxErrorRate());
			}
			if (hypothesis.maxLatency() != null) {
				result.put("maxLatency", format(hypothesis.maxLatency()));
			}
			result.put("baseline", format(hypothesis.baseline()));
			result.put("minRequests", hypothesis.minRequests());
			return result;
		}

		private static @Nullable Map<String, List<String>> expect(Map<String, String> expect) {
			if (expect.isEmpty()) {
				return null;
			}
			Map<String, List<String>> result = new LinkedHashMap<>();
			for (String kind : List.of("critical", "degradable", "optional")) {
				List<String> names = expect.entrySet()
					.stream()
					.filter((entry) -> entry.getValue().equals(kind))
					.map(Map.Entry::getKey)
					.toList();
				if (!names.isEmpty()) {
					result.put(kind, names);
				}
			}
			return result;
		}

		private static @Nullable String text(@Nullable Instant instant) {
			return (instant != null) ? instant.toString() : null;
		}

	}

	/**
	 * One change of the chaos state.
	 *
	 * @param at when it happened
	 * @param actor who made it: a principal's name, {@code endpoint}, {@code api},
	 * {@code auto-halt}, {@code guard}
	 * @param description how it arrived or why it happened
	 * @param changes what changed
	 */
	public record ChangeDescriptor(String at, String actor, String description, List<String> changes) {

	}

	/**
	 * Body of a refused change.
	 *
	 * @param error the HTTP reason phrase, {@code Bad Request}
	 * @param field the offending property, e.g.
	 * {@code chaos.assaults.payments-down.probability}
	 * @param message why it was refused, naming the property
	 */
	public record ErrorDescriptor(String error, String field, String message) implements OperationResponseBody {

	}

	private static String format(Duration duration) {
		return ChaosEngine.format(duration);
	}

}
