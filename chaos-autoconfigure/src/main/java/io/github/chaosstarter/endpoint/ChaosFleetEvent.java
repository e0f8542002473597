package io.github.chaosstarter.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.bus.event.RemoteApplicationEvent;

/**
 * The one Spring Cloud Bus event of fleet experiments. What it carries depends on its
 * {@link #getKind() kind}:
 * <ul>
 * <li>{@code roll-call} and {@code report-call}: every instance the destination matches
 * answers with a {@code reply} carrying its state, or its report;</li>
 * <li>{@code change} and {@code halt}: the instances named in {@code targets} apply the
 * change (the body of {@code POST /actuator/chaos}, asked for by {@code actor}) or halt,
 * all or nothing, and answer with a {@code reply} saying {@code applied} or
 * {@code refused} (field and message);</li>
 * <li>{@code join-call}: sent by an instance that starts; every instance that runs a
 * fleet experiment answers with a {@code reply} carrying that experiment's body (with the
 * time it has left), who posted it, where and when;</li>
 * <li>{@code reply}: addressed to the instance that asked, with the request's id; the
 * reply to a {@code report-call} also carries the figures behind the report's rates and
 * percentiles, so that the fleet's can be recomputed.</li>
 * </ul>
 * Plain properties only, so that Spring Cloud Bus's Jackson (2 or 3) carries it between
 * instances of either Spring Boot line.
 *
 * @author Chaos Starter team
 */
@SuppressWarnings("serial")
class ChaosFleetEvent extends RemoteApplicationEvent {

	static final String ROLL_CALL = "roll-call";

	static final String REPORT_CALL = "report-call";

	static final String CHANGE = "change";

	static final String HALT = "halt";

	static final String JOIN_CALL = "join-call";

	static final String REPLY = "reply";

	private String kind = REPLY;

	private String requestId = "";

	private List<String> targets = new ArrayList<>();

	private @Nullable Map<String, Object> body;

	private @Nullable String actor;

	private @Nullable String outcome;

	private @Nullable String field;

	private @Nullable String message;

	private @Nullable Object state;

	private @Nullable Object figures;

	private @Nullable String postedBy;

	private long postedAt;

	/** For Spring Cloud Bus's Jackson. */
	ChaosFleetEvent() {
	}

	ChaosFleetEvent(Object source, String origin, String destination, String kind, String requestId) {
		super(source, origin, DEFAULT_DESTINATION_FACTORY.getDestination(destination));
		this.kind = kind;
		this.requestId = requestId;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getRequestId() {
		return this.requestId;
	}

	public void setRequestId(String requestId) {
		this.requestId = requestId;
	}

	public List<String> getTargets() {
		return this.targets;
	}

	public void setTargets(List<String> targets) {
		this.targets = targets;
	}

	public @Nullable Map<String, Object> getBody() {
		return this.body;
	}

	public void setBody(@Nullable Map<String, Object> body) {
		this.body = body;
	}

	/**
	 * Return who asked for a change or halt on the originating instance.
	 * @return the caller's name, or {@code null}
	 */
	public @Nullable String getActor() {
		return this.actor;
	}

	public void setActor(@Nullable String actor) {
		this.actor = actor;
	}

	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(@Nullable String outcome) {
		this.outcome = outcome;
	}

	public @Nullable String getField() {
		return this.field;
	}

	public void setField(@Nullable String field) {
		this.field = field;
	}

	public @Nullable String getMessage() {
		return this.message;
	}

	public void setMessage(@Nullable String message) {
		this.message = message;
	}

	public @Nullable Object getState() {
		return this.state;
	}

	public void setState(@Nullable Object state) {
		this.state = state;
	}

	public @Nullable Object getFigures() {
		return this.figures;
	}

	public void setFigures(@Nullable Object figures) {
		this.figures = figures;
	}

	/**
	 * Return the bus id of the instance a fleet experiment was posted on.
	 * @return the bus id, or {@code null}
	 */
	public @Nullable String getPostedBy() {
		return this.postedBy;
	}

	public void setPostedBy(@Nullable String postedBy) {
		this.postedBy = postedBy;
	}

	/**
	 * Return when a fleet change was posted, in milliseconds since the epoch on the clock
	 * of the instance it was posted on.
	 * @return the time, or 0
	 */
	public long getPostedAt() {
		return this.postedAt;
	}

	public void setPostedAt(long postedAt) {
		this.postedAt = postedAt;
	}

}
