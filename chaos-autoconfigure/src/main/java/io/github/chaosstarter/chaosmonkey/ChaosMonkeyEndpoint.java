package io.github.chaosstarter.chaosmonkey;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * {@link Endpoint @Endpoint} {@code chaosmonkey}: the paths of Chaos Monkey for Spring
 * Boot's endpoint that Chaos Toolkit and LitmusChaos call. Read-only by default, as the
 * {@code chaos} endpoint: the write operations need
 * {@code management.endpoint.chaosmonkey.access=unrestricted}.
 * <p>
 * The write operations declare no body parameter, so that actuator accepts a {@code POST}
 * without a body and without a {@code Content-Type} (it answers 415 to such a request for
 * an operation that declares one); over HTTP, {@link ChaosMonkeyOperationInvokerAdvisor}
 * hands them the body and the caller.
 *
 * @author Chaos Starter team
 */
@Endpoint(id = "chaosmonkey", defaultAccess = Access.READ_ONLY)
final class ChaosMonkeyEndpoint {

	/** Actor recorded for changes when no principal is known. */
	static final String ACTOR = "chaosmonkey";

	private final ChaosMonkeyApi api;

	ChaosMonkeyEndpoint(ChaosMonkeyApi api) {
		this.api = api;
	}

	/**
	 * Return the settings: whether chaos is on, the assault settings and the watchers.
	 * @return the settings
	 */
	@ReadOperation
	Map<String, @Nullable Object> settings() {
		return this.api.settings();
	}

	/**
	 * Answer {@code status} (200 on, 503 off), {@code assaults}, {@code watchers} and the
	 * legacy {@code watcher}.
	 * @param part the sub-path
	 * @return the answer, or 404 for another sub-path
	 */
	@ReadOperation
	WebEndpointResponse<Object> read(@Selector String part) {
		return switch (part) {
			case "status" -> response(this.api.status());
			case "assaults" -> new WebEndpointResponse<>(this.api.assaults());
			case "watchers", "watcher" -> new WebEndpointResponse<>(this.api.watchers());
			default -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		};
	}

	/**
	 * Apply {@code enable}, {@code disable}, {@code assaults} or {@code watchers}.
	 * @param action the sub-path
	 * @return the answer
	 */
	@WriteOperation
	WebEndpointResponse<Object> write(@Selector String action) {
		return write(List.of(action), null, ACTOR);
	}

	/**
	 * Apply {@code assaults/runtime/attack}.
	 * @param first the first segment, {@code assaults}
	 * @param second the second segment, {@code runtime}
	 * @param third the third segment, {@code attack}
	 * @return the answer
	 */
	@WriteOperation
	WebEndpointResponse<Object> attack(@Selector String first, @Selector String second, @Selector String third) {
		return write(List.of(first, second, third), null, ACTOR);
	}

	WebEndpointResponse<Object> write(List<String> path, @Nullable Map<?, ?> body, String actor) {
		ChaosMonkeyApi.Reply reply = this.api.write(path, body, actor);
		return (reply != null) ? response(reply) : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

	WebEndpointResponse<Object> badRequest(InvalidChaosPropertyException ex) {
		return response(ChaosMonkeyApi.Reply.badRequest(ex));
	}

	private static WebEndpointResponse<Object> response(ChaosMonkeyApi.Reply reply) {
		return new WebEndpointResponse<>(reply.body(), reply.status());
	}

}
