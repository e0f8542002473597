package io.github.chaosstarter.chaosmonkey;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * The calls of Chaos Monkey for Spring Boot's endpoint, answered from the engine's state
 * and applied through the engine, as {@code POST /actuator/chaos} changes are: checked,
 * all or nothing, and audited. The settings given through this endpoint are kept here
 * (they are Chaos Monkey's words for the one assault {@value #ASSAULT}); each change
 * first maps them onto the assault and only keeps them once the engine accepted it.
 *
 * @author Chaos Starter team
 */
final class ChaosMonkeyApi {

	/** Name of the one assault this endpoint manages. */
	static final String ASSAULT = "chaos-monkey";

	private static final String PATH = "/actuator/chaosmonkey";

	private final ChaosEngine engine;

	private final boolean allowKill;

	private final Object lock = new Object();

	private volatile AssaultSettings assaults = AssaultSettings.DEFAULTS;

	private volatile WatcherSettings watchers;

	ChaosMonkeyApi(ChaosEngine engine, boolean allowKill, Collection<String> watchedKinds) {
		this.engine = engine;
		this.allowKill = allowKill;
		this.watchers = WatcherSettings.of(watchedKinds);
	}

	/**
	 * An answer: a status and a JSON body.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 */
	record Reply(int status, Map<String, @Nullable Object> body) {

		static Reply ok(String message, Map<String, @Nullable Object> details) {
			Map<String, @Nullable Object> body = new LinkedHashMap<>();
			body.put("message", message);
			body.putAll(details);
			return new Reply(200, body);
		}

		static Reply badRequest(InvalidChaosPropertyException ex) {
			Map<String, @Nullable Object> body = new LinkedHashMap<>();
			body.put("error", "Bad Request");
			body.put("field", ex.getProperty());
			body.put("message", ex.getMessage());
			return new Reply(400, body);
		}

	}

	Map<String, @Nullable Object> settings() {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		result.put("chaosMonkeyProperties", Map.of("enabled", this.engine.enabled()));
		result.put("assaultProperties", current().describe());
		result.put("watcherProperties", this.watchers.describe());
		return result;
	}

	/**
	 * Answer {@code GET /status}: 200 while chaos is on, 503 while it is off, which is
	 * how Chaos Toolkit tells them apart.
	 * @return the answer
	 */
	Reply status() {
		Chaos.State state = this.engine.state();
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("message", state.enabled() ? "Ready to be evil!" : "You switched me off!");
		body.put("enabled", state.enabled());
		body.put("enabledAt", (state.enabledAt() != null) ? state.enabledAt().toString() : null);
		return new Reply(state.enabled() ? 200 : 503, body);
	}

	Map<String, @Nullable Object> assaults() {
		return current().describe();
	}

	Map<String, Object> watchers() {
		return this.watchers.describe();
	}

	/**
	 * Apply a {@code POST}.
	 * @param path the path below {@code /actuator/chaosmonkey}
	 * @param body the parsed body, or {@code null} without one
	 * @param actor who makes the change
	 * @return the answer, {@code null} for an unknown path
	 */
	@Nullable Reply write(List<String> path, @Nullable Map<?, ?> body, String actor) {
		String joined = String.join("/", path);
		String description = "POST " + PATH + "/" + joined;
		try {
			synchronized (this.lock) {
				return switch (joined) {
					case "enable" -> enable(true, body, actor, description);
					case "disable" -> enable(false, body, actor, description);
					case "assaults" -> change(current().merge(required(body), this.allowKill), this.watchers, actor,
							description, "Assault config has changed");
					case "watchers" -> change(current(), this.watchers.merge(required(body)), actor, description,
							"Watcher config has changed");
					case "assaults/runtime/attack" -> attack(body, actor, description);
					default -> null;
				};
			}
		}
		catch (InvalidChaosPropertyException ex) {
			return Reply.badRequest(ex);
		}
	}

	private Reply enable(boolean on, @Nullable Map<?, ?> body, String actor, String description) {
		none(body);
		Chaos.State state = this.engine.change(Map.of("enabled", on), actor, description);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("enabled", state.enabled());
		details.put("enabledAt", (state.enabledAt() != null) ? state.enabledAt().toString() : null);
		killWhenScheduled(state, actor, description);
		return Reply.ok(on ? "Chaos Monkey is enabled" : "Chaos Monkey is disabled", details);
	}

	private Reply change(AssaultSettings assaults, WatcherSettings watchers, String actor, String description,
			String message) {
		Map<String, Object> assault = AssaultMapping.assault(assaults, watchers);
		Map<String, @Nullable Object> change = new HashMap<>();
		change.put(ASSAULT, assault);
		Chaos.State state;
		try {
			state = this.engine.change(Map.of("assaults", change), actor, description);
		}
		catch (InvalidChaosPropertyException ex) {
			throw AssaultMapping.translate(ex);
		}
		this.assaults = assaults;
		this.watchers = watchers;
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("enabled", state.enabled());
		Chaos.AssaultState applied = state.assaults().get(ASSAULT);
		details.put("assault", (applied != null) ? applied.definition() : null);
		details.put("matches", (applied != null) ? applied.matches() : List.of());
		details.put("warnings", (applied != null) ? applied.warnings() : List.of());
		killWhenScheduled(state, actor, description);
		return Reply.ok(message, details);
	}

	private Reply attack(@Nullable Map<?, ?> body, String actor, String description) {
		none(body);
		AssaultSettings current = current();
		if (!current.on("killApplicationActive")) {
			return Reply.ok("Started runtime assaults", Map.of("killed", false));
		}
		if (!this.engine.enabled()) {
			return Reply.ok("Chaos Monkey is disabled: no runtime assault started", Map.of("killed", false));
		}
		kill(actor, description);
		return Reply.ok("Started runtime assaults", Map.of("killed", true));
	}

	private void killWhenScheduled(Chaos.State state, String actor, String description) {
		if (state.enabled() && this.assaults.killScheduled()) {
			kill(actor, description + " (killApplicationCronExpression)");
		}
	}

	private void kill(String actor, String description) {
		ChaosProperties.Kill kill = new ChaosProperties.Kill();
		this.engine.kill(ASSAULT, kill, actor, description + ": kill");
	}

	/**
	 * The assault settings as they hold now: with latency and exceptions off when the
	 * assault they map to was removed through {@code /actuator/chaos} (or by a halt).
	 */
	private AssaultSettings current() {
		AssaultSettings assaults = this.assaults;
		if (AssaultMapping.assault(assaults, this.watchers) != null
				&& !this.engine.state().assaults().containsKey(ASSAULT)) {
			return assaults.withoutEffects();
		}
		return assaults;
	}

	private static Map<?, ?> required(@Nullable Map<?, ?> body) {
		if (body == null) {
			throw new InvalidChaosPropertyException("body",
					"is missing: send the settings as a JSON object with " + "Content-Type: application/json");
		}
		return body;
	}

	private static void none(@Nullable Map<?, ?> body) {
		if (body != null && !body.isEmpty()) {
			throw new InvalidChaosPropertyException(
					BodyValues.abbreviate(String.valueOf(body.keySet().iterator().next())),
					"is not accepted: this operation takes no body");
		}
	}

}
