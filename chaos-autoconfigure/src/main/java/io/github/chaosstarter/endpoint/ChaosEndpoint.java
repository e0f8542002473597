package io.github.chaosstarter.endpoint;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.github.chaosstarter.config.InvalidChaosPropertyException;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.control.ChaosChangeRequest;
import io.github.chaosstarter.control.ChaosUpdater;
import io.github.chaosstarter.report.ResilienceReporter;
import io.github.chaosstarter.runtime.ChaosState;

/**
 * {@link Endpoint @Endpoint} {@code chaos}: shows the chaos state ({@code GET}), changes
 * it ({@code POST}, with the names and structure of the {@code chaos.*} properties),
 * halts chaos ({@code DELETE}) and serves the resilience report ({@code GET} and
 * {@code DELETE} on {@code /report}). Read-only by default: the write operations are only
 * available with {@code management.endpoint.chaos.access=unrestricted}.
 *
 * @author Chaos Starter team
 */
@Endpoint(id = "chaos", defaultAccess = Access.READ_ONLY)
public class ChaosEndpoint {

	/** Actor recorded for endpoint changes when no principal is known. */
	public static final String ACTOR = "endpoint";

	private static final String REPORT = "report";

	private final ChaosUpdater updater;

	private final ChaosAuditLog auditLog;

	private final ObjectProvider<ResilienceReporter> reporter;

	/**
	 * Create a new endpoint.
	 * @param updater applies changes
	 * @param auditLog the change history
	 * @param reporter the resilience reporter, if any
	 */
	public ChaosEndpoint(ChaosUpdater updater, ChaosAuditLog auditLog, ObjectProvider<ResilienceReporter> reporter) {
		this.updater = updater;
		this.auditLog = auditLog;
		this.reporter = reporter;
	}

	/**
	 * Return the current state, the assaults with their counters and the recent changes.
	 * @return the state
	 */
	@ReadOperation
	public ChaosDescriptor chaos() {
		return describe(this.updater.runtime().current());
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
			ChaosChangeRequest request = new ChaosChangeRequest((body != null) ? body : Map.of());
			ChaosState state = this.updater.apply(request, actor(securityContext), "POST /actuator/chaos");
			return new WebEndpointResponse<>(describe(state));
		}
		catch (InvalidChaosPropertyException ex) {
			return badRequest(ex);
		}
	}

	static WebEndpointResponse<Object> badRequest(InvalidChaosPropertyException ex) {
		return new WebEndpointResponse<>(new ChaosErrorDescriptor("Bad Request", ex.getProperty(), ex.getMessage()),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	/**
	 * Halt: switch chaos off and restore the assaults of the application's own
	 * configuration.
	 * @param securityContext the caller
	 * @return the new state
	 */
	@DeleteOperation
	public ChaosDescriptor halt(SecurityContext securityContext) {
		return describe(this.updater.runtime().halt(actor(securityContext), "DELETE /actuator/chaos"));
	}

	/**
	 * Return the resilience report of the current experiment ({@code /report}).
	 * @param part the sub-path; only {@code report} exists
	 * @return the report, or 404 when there is no such part or no reporter
	 */
	@ReadOperation
	public WebEndpointResponse<Object> report(@Selector String part) {
		ResilienceReporter reporter = reporter(part);
		if (reporter == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(reporter.report());
	}

	/**
	 * Start a new, empty resilience report ({@code /report}).
	 * @param part the sub-path; only {@code report} exists
	 * @return the new, empty report, or 404 when there is no such part or no reporter
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> resetReport(@Selector String part) {
		ResilienceReporter reporter = reporter(part);
		if (reporter == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		reporter.reset();
		return new WebEndpointResponse<>(reporter.report());
	}

	private @Nullable ResilienceReporter reporter(String part) {
		return REPORT.equals(part) ? this.reporter.getIfAvailable() : null;
	}

	private ChaosDescriptor describe(ChaosState state) {
		return ChaosDescriptor.of(state, this.auditLog.entries());
	}

	private static String actor(@Nullable SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null && principal.getName() != null) ? principal.getName() : ACTOR;
	}

}
