package io.github.chaosstarter.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * The fleet operations of the chaos endpoint over HTTP, {@code /actuator/chaos/fleet}:
 * present with Spring Cloud Bus and {@code chaos.fleet.enabled=true}. Its operations on
 * one sub-path take the place of the endpoint's ({@code /report} is still answered by the
 * endpoint), so the same access rules apply to both.
 *
 * @author Chaos Starter team
 */
@EndpointWebExtension(endpoint = ChaosEndpoint.class)
class ChaosFleetWebExtension {

	static final String FLEET = "fleet";

	private final ChaosEndpoint endpoint;

	private final FleetService fleet;

	ChaosFleetWebExtension(ChaosEndpoint endpoint, FleetService fleet) {
		this.endpoint = endpoint;
		this.fleet = fleet;
	}

	/**
	 * {@code GET /actuator/chaos/fleet}: the state of every instance the destination
	 * matches; {@code GET /actuator/chaos/report} as without the fleet.
	 * @param part the sub-path
	 * @param format the report's format
	 * @param destination a bus destination pattern, every instance when not given
	 * @return the states by bus id, the report, or 404
	 */
	@ReadOperation(producesFrom = ReportFormat.class)
	public WebEndpointResponse<Object> read(@Selector String part, ReportFormat format,
			@org.springframework.lang.Nullable @Nullable String destination) {
		if (!FLEET.equals(part)) {
			return this.endpoint.report(part, format);
		}
		try {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("instances", this.fleet.states(destination));
			return new WebEndpointResponse<>(body);
		}
		catch (InvalidChaosPropertyException ex) {
			return ChaosEndpoint.badRequest(ex);
		}
	}

	/**
	 * {@code GET /actuator/chaos/fleet/report}: the report of every instance the
	 * destination matches, and one combined report.
	 * @param part the first sub-path; only {@code fleet} exists
	 * @param sub the second sub-path; only {@code report} exists
	 * @param destination a bus destination pattern, every instance when not given
	 * @return {@code instances} and {@code report}, or 404
	 */
	@ReadOperation
	public WebEndpointResponse<Object> readReports(@Selector String part, @Selector String sub,
			@org.springframework.lang.Nullable @Nullable String destination) {
		if (!FLEET.equals(part) || !"report".equals(sub)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return new WebEndpointResponse<>(this.fleet.reports(destination));
		}
		catch (InvalidChaosPropertyException ex) {
			return ChaosEndpoint.badRequest(ex);
		}
	}

	/**
	 * {@code POST /actuator/chaos/fleet}: the body of {@code POST /actuator/chaos} plus
	 * {@code destination} and {@code instances}, applied on each chosen instance all or
	 * nothing.
	 * @param securityContext the caller
	 * @param part the sub-path; only {@code fleet} exists
	 * @param body the change
	 * @return {@code applied}, {@code refused} and {@code pending}, or 400, or 404
	 */
	@WriteOperation
	@SuppressWarnings("deprecation")
	public WebEndpointResponse<Object> write(SecurityContext securityContext, @Selector String part,
			@org.springframework.lang.Nullable @Nullable Map<String, Object> body) {
		if (!FLEET.equals(part)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return new WebEndpointResponse<>(
					this.fleet.change((body != null) ? body : Map.of(), ChaosEndpoint.actor(securityContext)));
		}
		catch (InvalidChaosPropertyException ex) {
			return ChaosEndpoint.badRequest(ex);
		}
	}

	/**
	 * {@code DELETE /actuator/chaos/fleet}: halt on every instance the destination
	 * matches; {@code DELETE /actuator/chaos/report} as without the fleet.
	 * @param securityContext the caller
	 * @param part the sub-path
	 * @param destination a bus destination pattern, every instance when not given
	 * @return {@code applied}, {@code refused} and {@code pending}, the new report, or
	 * 404
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> delete(SecurityContext securityContext, @Selector String part,
			@org.springframework.lang.Nullable @Nullable String destination) {
		if (!FLEET.equals(part)) {
			return this.endpoint.resetReport(part);
		}
		try {
			return new WebEndpointResponse<>(this.fleet.halt(destination, ChaosEndpoint.actor(securityContext)));
		}
		catch (InvalidChaosPropertyException ex) {
			return ChaosEndpoint.badRequest(ex);
		}
	}

}
