package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.endpoint.ChaosEndpoint.ChaosDescriptor;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Fleet experiments over Spring Cloud Bus: the instance asked takes a roll call (Spring
 * Cloud Bus has no membership, and its acknowledgements carry nothing), chooses the
 * instances, sends the change addressed to them, and collects one reply each; every
 * instance answers the roll calls, and applies the changes addressed to it through its
 * {@link FleetMember}, which also joins the running experiment when this instance starts.
 *
 * @author Chaos Starter team
 */
final class FleetService implements SmartApplicationListener {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter.audit");

	static final String DESTINATION = "destination";

	static final String INSTANCES = "instances";

	private final ChaosEngine engine;

	private final FleetMember member;

	private final ServiceMatcher matcher;

	private final ApplicationEventPublisher publisher;

	private final Duration ackTimeout;

	private final ObjectProvider<Chaos.Reports> reports;

	private final Map<String, FleetReplies> waiting = new ConcurrentHashMap<>();

	FleetService(ChaosEngine engine, FleetMember member, ServiceMatcher matcher, ApplicationEventPublisher publisher,
			Duration ackTimeout, ObjectProvider<Chaos.Reports> reports) {
		this.engine = engine;
		this.member = member;
		this.matcher = matcher;
		this.publisher = publisher;
		this.ackTimeout = ackTimeout;
		this.reports = reports;
	}

	String busId() {
		return this.matcher.getBusId();
	}

	/**
	 * Return the state of every instance the destination matches.
	 * @param destination a bus destination pattern, {@code null} for every instance
	 * @return bus id to state, sorted by bus id
	 */
	Map<String, Object> states(@Nullable String destination) {
		Map<String, Object> states = new TreeMap<>();
		rollCall(ChaosFleetEvent.ROLL_CALL, FleetTargets.destination(destination))
			.forEach((id, reply) -> states.put(id, reply.getState()));
		return states;
	}

	/**
	 * Return the report of every instance the destination matches, and one combined
	 * report (see {@link FleetReports}).
	 * @param destination a bus destination pattern, {@code null} for every instance
	 * @return {@code instances} (bus id to report) and {@code report}
	 */
	Map<String, Object> reports(@Nullable String destination) {
		Map<String, Object> reports = new TreeMap<>();
		Map<String, Object> figures = new TreeMap<>();
		rollCall(ChaosFleetEvent.REPORT_CALL, FleetTargets.destination(destination)).forEach((id, reply) -> {
			reports.put(id, reply.getState());
			if (reply.getFigures() != null) {
				figures.put(id, reply.getFigures());
			}
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("instances", reports);
		result.put("report", FleetReports.combine(reports, figures));
		return result;
	}

	/**
	 * Apply a change across the fleet.
	 * @param body the body of {@code POST /actuator/chaos}, plus {@code destination} and
	 * {@code instances}
	 * @param actor who asked
	 * @return {@code applied}, {@code refused} and {@code pending}
	 * @throws InvalidChaosPropertyException when {@code destination} or {@code instances}
	 * is invalid (nothing is sent)
	 */
	Map<String, Object> change(Map<String, Object> body, String actor) {
		String destination = FleetTargets.destination(body.get(DESTINATION));
		Object instances = body.get(INSTANCES);
		FleetTargets.instances(instances, 1);
		List<String> matching = new ArrayList<>(rollCall(ChaosFleetEvent.ROLL_CALL, destination).keySet());
		Collections.sort(matching);
		List<String> chosen = FleetTargets.choose(matching, FleetTargets.instances(instances, matching.size()),
				seed(body));
		// the whole body travels, destination and instances included: an instance that
		// starts later reads them to decide whether it joins
		return send(ChaosFleetEvent.CHANGE, chosen, new LinkedHashMap<>(body), actor);
	}

	/**
	 * Halt on every instance the destination matches.
	 * @param destination a bus destination pattern, {@code null} for every instance
	 * @param actor who asked
	 * @return {@code applied}, {@code refused} and {@code pending}
	 */
	Map<String, Object> halt(@Nullable String destination, String actor) {
		List<String> matching = new ArrayList<>(
				rollCall(ChaosFleetEvent.ROLL_CALL, FleetTargets.destination(destination)).keySet());
		Collections.sort(matching);
		return send(ChaosFleetEvent.HALT, matching, null, actor);
	}

	private long seed(Map<String, Object> change) {
		Object seed = change.get("seed");
		if (seed instanceof Number number) {
			return number.longValue();
		}
		Long configured = this.engine.state().seed();
		return (configured != null) ? configured : 0L;
	}

	private Map<String, ChaosFleetEvent> rollCall(String kind, String destination) {
		ChaosFleetEvent call = new ChaosFleetEvent(this, busId(), destination, kind, newId());
		FleetReplies replies = new FleetReplies(Integer.MAX_VALUE);
		this.waiting.put(call.getRequestId(), replies);
		try {
			if (this.matcher.isForSelf(call) && !ChaosFleetEvent.JOIN_CALL.equals(kind)) {
				replies.add(answer(call));
			}
			publish(call);
			// no membership: every matching instance has until the timeout to answer
			return replies.await(this.ackTimeout);
		}
		finally {
			this.waiting.remove(call.getRequestId());
		}
	}

	private Map<String, Object> send(String kind, List<String> targets, @Nullable Map<String, Object> change,
			String actor) {
		ChaosFleetEvent request = new ChaosFleetEvent(this, busId(), "**", kind, newId());
		request.setTargets(new ArrayList<>(targets));
		request.setBody(change);
		request.setActor(actor);
		request.setPostedAt(System.currentTimeMillis());
		FleetReplies replies = new FleetReplies(targets.size());
		this.waiting.put(request.getRequestId(), replies);
		try {
			if (targets.contains(busId())) {
				replies.add(this.member.apply(request, reply(request)));
			}
			String sendFailure = null;
			if (!targets.isEmpty() && !(targets.size() == 1 && targets.contains(busId()))) {
				sendFailure = publish(request);
			}
			return FleetReplies.outcome(targets, replies.await(this.ackTimeout), sendFailure);
		}
		finally {
			this.waiting.remove(request.getRequestId());
		}
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ChaosFleetEvent.class.isAssignableFrom(eventType)
				|| ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ChaosFleetEvent fleetEvent) {
			onFleetEvent(fleetEvent);
		}
		else if (event instanceof ApplicationReadyEvent) {
			this.member.startJoining(() -> rollCall(ChaosFleetEvent.JOIN_CALL, "**"));
		}
		else if (event instanceof ContextClosedEvent) {
			this.member.stopJoining();
		}
	}

	private void onFleetEvent(ChaosFleetEvent event) {
		if (this.matcher.isFromSelf(event)) {
			// published here: sent to the bus by Spring Cloud Bus, handled above
			return;
		}
		switch (event.getKind()) {
			case ChaosFleetEvent.ROLL_CALL, ChaosFleetEvent.REPORT_CALL -> {
				if (this.matcher.isForSelf(event)) {
					publish(answer(event));
				}
			}
			case ChaosFleetEvent.JOIN_CALL -> {
				ChaosFleetEvent running = this.member.running(reply(event));
				if (running != null) {
					publish(running);
				}
			}
			case ChaosFleetEvent.CHANGE, ChaosFleetEvent.HALT -> {
				if (event.getTargets().contains(busId())) {
					publish(this.member.apply(event, reply(event)));
				}
			}
			case ChaosFleetEvent.REPLY -> {
				FleetReplies replies = this.waiting.get(event.getRequestId());
				if (replies != null && this.matcher.isForSelf(event)) {
					replies.add(event);
				}
			}
			default -> logger.warn("Ignored a fleet event of unknown kind '" + event.getKind() + "' from "
					+ event.getOriginService() + ": is an instance running another version of Chaos Starter?");
		}
	}

	private ChaosFleetEvent reply(ChaosFleetEvent request) {
		return new ChaosFleetEvent(this, busId(), request.getOriginService(), ChaosFleetEvent.REPLY,
				request.getRequestId());
	}

	/** The answer to a roll call: this instance's state, or its report and figures. */
	private ChaosFleetEvent answer(ChaosFleetEvent request) {
		ChaosFleetEvent reply = reply(request);
		Chaos.Reports reports = this.reports.getIfAvailable();
		if (!ChaosFleetEvent.REPORT_CALL.equals(request.getKind())) {
			reply.setState(ChaosDescriptor.of(this.engine.state()));
		}
		else if (reports != null) {
			reply.setState(reports.report());
			reply.setFigures(reports.figures());
		}
		return reply;
	}

	/**
	 * Send an event over the bus. A bus that cannot send (an unreachable broker, a
	 * misconfigured binder) is no reason to fail the request: the instances that did not
	 * answer are pending, and the answer says why.
	 * @return the reason it could not be sent, or {@code null}
	 */
	private @Nullable String publish(ChaosFleetEvent event) {
		try {
			this.publisher.publishEvent(event);
			return null;
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			String reason = "Spring Cloud Bus could not send the " + event.getKind() + ": " + cause;
			logger.warn(reason, ex);
			return reason;
		}
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

}
