package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.cloud.bus.ServiceMatcher;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * This instance's part in fleet experiments: it applies the changes and halts addressed
 * to it, all or nothing, under the same access rule as {@code POST /actuator/chaos}
 * ({@code management.endpoint.chaos.access} must be {@code unrestricted}); it remembers
 * the fleet experiment it runs, to answer an instance that starts later; and it joins the
 * running experiment when it starts, or logs why not.
 *
 * @author Chaos Starter team
 */
final class FleetMember {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter.audit");

	static final String ACCESS = "management.endpoint.chaos.access";

	/** How many times a starting instance asks for the running experiment. */
	static final int JOIN_CALLS = 3;

	private final ChaosEngine engine;

	private final ServiceMatcher matcher;

	private final @Nullable EndpointAccessResolver access;

	private volatile @Nullable ChaosFleetEvent experiment;

	/** The entry of this instance's history that the experiment's change made. */
	private volatile Chaos.@Nullable Change applied;

	private volatile boolean tookPart;

	private @Nullable Thread joining;

	FleetMember(ChaosEngine engine, ServiceMatcher matcher, @Nullable EndpointAccessResolver access) {
		this.engine = engine;
		this.matcher = matcher;
		this.access = access;
	}

	/**
	 * Apply a change or halt of the fleet here.
	 * @param request the {@code change} or {@code halt} event
	 * @param reply a reply to the request's origin, to fill in
	 * @return the reply, {@code applied} or {@code refused} with field and message
	 */
	ChaosFleetEvent apply(ChaosFleetEvent request, ChaosFleetEvent reply) {
		boolean halt = ChaosFleetEvent.HALT.equals(request.getKind());
		return apply(request, reply,
				(halt ? "DELETE" : "POST") + " /actuator/chaos/fleet on " + request.getOriginService());
	}

	private ChaosFleetEvent apply(ChaosFleetEvent request, ChaosFleetEvent reply, String description) {
		this.tookPart = true;
		String origin = request.getOriginService();
		String actor = "fleet " + origin + ((request.getActor() != null) ? " (" + request.getActor() + ")" : "");
		boolean halt = ChaosFleetEvent.HALT.equals(request.getKind());
		try {
			if (!writable()) {
				throw new InvalidChaosPropertyException(ACCESS,
						"this instance's chaos endpoint takes no writes (its access is not unrestricted), "
								+ "so it takes none from the fleet either");
			}
			if (halt) {
				this.engine.halt(actor, description);
				this.experiment = null;
			}
			else {
				Map<String, Object> body = (request.getBody() != null) ? request.getBody() : Map.of();
				Chaos.State state = this.engine.change(change(body), actor, description);
				this.experiment = state.enabled() ? request : null;
				this.applied = last(state.history());
			}
			reply.setOutcome("applied");
		}
		catch (InvalidChaosPropertyException ex) {
			logger.info("Fleet " + request.getKind() + " from " + origin + " refused here: " + ex.getMessage());
			reply.setOutcome("refused");
			reply.setField(ex.getProperty());
			reply.setMessage(ex.getMessage());
		}
		return reply;
	}

	/**
	 * Answer an instance that starts and asks for the running experiment: the change this
	 * instance applied, with the time it has left, while chaos is still on here.
	 * @param reply the reply to fill in
	 * @return the reply, or {@code null} when no fleet experiment runs here
	 */
	@Nullable ChaosFleetEvent running(ChaosFleetEvent reply) {
		ChaosFleetEvent running = this.experiment;
		Chaos.State state = this.engine.state();
		if (running == null || !state.enabled() || running.getBody() == null) {
			return null;
		}
		Chaos.Change last = last(state.history());
		if (last == null || !last.equals(this.applied)) {
			// changed here since, by its own endpoint or code: what runs is no longer the
			// fleet's
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>(running.getBody());
		body.put("enabled", true);
		if (state.haltAt() != null) {
			long left = Duration.between(Instant.now(), state.haltAt()).toMillis();
			if (left <= 0) {
				return null;
			}
			body.put("duration", left + "ms");
		}
		reply.setBody(body);
		reply.setActor(running.getActor());
		reply.setPostedBy(running.getOriginService());
		reply.setPostedAt(running.getPostedAt());
		return reply;
	}

	/**
	 * Whether this instance still looks for a running experiment: not once it took part
	 * in a fleet change or halt, or chaos is on here already.
	 */
	boolean joining() {
		return !this.tookPart && !this.engine.state().enabled();
	}

	/**
	 * Ask, in the background, for the fleet experiment that runs while this instance
	 * starts, and join it: up to {@value #JOIN_CALLS} times, {@code ack-timeout} apart,
	 * as a consumer new on the bus may miss the answers to the first call.
	 * @param ask takes a roll call of the instances that run an experiment
	 */
	synchronized void startJoining(Supplier<Map<String, ChaosFleetEvent>> ask) {
		if (this.joining != null) {
			return;
		}
		Thread thread = new Thread(() -> {
			Map<String, ChaosFleetEvent> answers = Map.of();
			for (int call = 0; call < JOIN_CALLS && answers.isEmpty() && joining()
					&& !Thread.currentThread().isInterrupted(); call++) {
				answers = ask.get();
			}
			if (!Thread.currentThread().isInterrupted()) {
				join(answers.values());
			}
		}, "chaos-fleet-join");
		thread.setDaemon(true);
		this.joining = thread;
		thread.start();
	}

	/**
	 * Stop asking: the application is closing.
	 */
	synchronized void stopJoining() {
		if (this.joining != null) {
			this.joining.interrupt();
		}
	}

	/**
	 * Join the newest of the running experiments that other instances reported, or log
	 * why not.
	 * @param answers the instances' answers
	 */
	void join(Collection<ChaosFleetEvent> answers) {
		if (!joining()) {
			// took part in a fleet change meanwhile, or chaos was switched on here
			return;
		}
		ChaosFleetEvent newest = answers.stream()
			.filter((answer) -> answer.getBody() != null)
			.max(Comparator.comparingLong(ChaosFleetEvent::getPostedAt))
			.orElse(null);
		if (newest == null) {
			logger
				.info("No fleet experiment is running on the bus: " + this.matcher.getBusId() + " starts without one");
			return;
		}
		Map<String, Object> body = newest.getBody();
		String postedBy = (newest.getPostedBy() != null) ? newest.getPostedBy() : newest.getOriginService();
		String posted = "the fleet experiment posted on " + postedBy
				+ ((newest.getActor() != null) ? " by " + newest.getActor() : "") + " at "
				+ Instant.ofEpochMilli(newest.getPostedAt());
		if (postedBy.equals(this.matcher.getBusId())) {
			// posted here while this instance was still asking: it chose its instances
			// itself
			return;
		}
		Object destination = body.get(FleetService.DESTINATION);
		if (destination != null && !this.matcher.isForSelf(new ChaosFleetEvent(this, postedBy,
				FleetTargets.destination(destination), ChaosFleetEvent.ROLL_CALL, ""))) {
			logger.info(this.matcher.getBusId() + " did not join " + posted + ": its destination '" + destination
					+ "' does not match this instance");
			return;
		}
		Object instances = body.get(FleetService.INSTANCES);
		if (instances != null) {
			logger.info(this.matcher.getBusId() + " did not join " + posted + ": it chose its instances ('"
					+ FleetService.INSTANCES + "': " + instances
					+ ") when it was posted, and this one was not among them");
			return;
		}
		ChaosFleetEvent join = new ChaosFleetEvent(this, postedBy, "**", ChaosFleetEvent.CHANGE, "");
		join.setBody(body);
		join.setActor(newest.getActor());
		join.setPostedAt(newest.getPostedAt());
		ChaosFleetEvent outcome = apply(join,
				new ChaosFleetEvent(this, this.matcher.getBusId(), "**", ChaosFleetEvent.REPLY, ""),
				"joined the fleet experiment posted on " + postedBy);
		if ("applied".equals(outcome.getOutcome())) {
			logger.info(this.matcher.getBusId() + " joined " + posted);
		}
		else {
			logger.warn(this.matcher.getBusId() + " did not join " + posted + ": " + outcome.getMessage());
		}
	}

	private static Chaos.@Nullable Change last(List<Chaos.Change> history) {
		return history.isEmpty() ? null : history.get(history.size() - 1);
	}

	private boolean writable() {
		Access granted = (this.access != null) ? this.access.accessFor(EndpointId.of("chaos"), Access.READ_ONLY)
				: Access.READ_ONLY;
		return granted == Access.UNRESTRICTED;
	}

	/** The body of a fleet request without the fleet's own keys. */
	private static Map<String, Object> change(Map<String, Object> body) {
		Map<String, Object> change = new LinkedHashMap<>(body);
		change.remove(FleetService.DESTINATION);
		change.remove(FleetService.INSTANCES);
		return change;
	}

}
