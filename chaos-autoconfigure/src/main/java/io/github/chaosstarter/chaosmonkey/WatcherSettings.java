package io.github.chaosstarter.chaosmonkey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * The watchers of Chaos Monkey for Spring Boot ({@code GET|POST /watchers}), as this
 * starter maps them: the bean kinds the one assault targets. A watcher can only name a
 * kind that {@code chaos.watch.kinds} gives advice at startup; watchers without an
 * equivalent are refused when switched on and accepted when off.
 *
 * @param kinds the watched kinds that are on, by watcher name ({@code restController})
 * @param watchable the watcher names of the kinds that {@code chaos.watch.kinds} watches
 * @author Chaos Starter team
 */
record WatcherSettings(Set<String> kinds, Set<String> watchable) {

	/** Watcher name to bean kind id. */
	private static final Map<String, String> KINDS = Map.of("controller", "controller", "restController",
			"rest-controller", "service", "service", "repository", "repository", "component", "component");

	private static final List<String> KEYS = List.of("controller", "restController", "service", "repository",
			"component", "restTemplate", "webClient", "actuatorHealth", "beans", "beanClasses");

	WatcherSettings {
		kinds = Set.copyOf(kinds);
		watchable = Set.copyOf(watchable);
	}

	/**
	 * The watchers at startup: every kind that {@code chaos.watch.kinds} watches is on.
	 * @param watchedKinds the kind ids of {@code chaos.watch.kinds}
	 * @return the watchers
	 */
	static WatcherSettings of(Collection<String> watchedKinds) {
		Set<String> ids = new java.util.HashSet<>();
		for (String kind : watchedKinds) {
			ids.add(kind.trim().replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT));
		}
		Set<String> watchable = new java.util.HashSet<>();
		KINDS.forEach((watcher, kind) -> {
			if (ids.contains(kind)) {
				watchable.add(watcher);
			}
		});
		return new WatcherSettings(watchable, watchable);
	}

	/**
	 * Apply a {@code POST /watchers} body: watchers not given stay as they are.
	 * @param body the body
	 * @return the new watchers
	 * @throws InvalidChaosPropertyException naming the field when the body is refused
	 */
	WatcherSettings merge(Map<?, ?> body) {
		BodyValues.known("", body, KEYS);
		Set<String> kinds = new java.util.HashSet<>(this.kinds);
		for (Map.Entry<?, ?> entry : body.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (key.equals("beans") || key.equals("beanClasses")) {
				List<String> names = BodyValues.texts(key, entry.getValue());
				if (names != null && !names.isEmpty()) {
					throw new InvalidChaosPropertyException(key, "has no equivalent here: watchers select bean "
							+ "kinds; name classes or methods with watchedCustomServices on POST /assaults instead");
				}
				continue;
			}
			Boolean on = BodyValues.bool(key, entry.getValue());
			if (on == null) {
				continue;
			}
			String kind = KINDS.get(key);
			if (kind == null) {
				if (on) {
					throw new InvalidChaosPropertyException(key,
							"has no equivalent in the Chaos Monkey API of Chaos Starter; only false is accepted "
									+ "(outbound calls are attacked by a client target on /actuator/chaos)");
				}
			}
			else if (on && !this.watchable.contains(key)) {
				throw new InvalidChaosPropertyException(key,
						"kind '" + kind
								+ "' is not watched, so its beans have no advice; add it to chaos.watch.kinds in the "
								+ "application's configuration (read at startup)");
			}
			else if (on) {
				kinds.add(key);
			}
			else {
				kinds.remove(key);
			}
		}
		return new WatcherSettings(kinds, this.watchable);
	}

	/**
	 * Return the bean kind ids the watchers that are on select, in a stable order.
	 * @return the kind ids, empty when every watcher is off
	 */
	List<String> kindIds() {
		List<String> ids = new ArrayList<>();
		for (String key : KEYS) {
			if (this.kinds.contains(key)) {
				ids.add(KINDS.get(key));
			}
		}
		return ids;
	}

	/**
	 * Describe the watchers as Chaos Monkey for Spring Boot shows them.
	 * @return the watchers by name
	 */
	Map<String, Object> describe() {
		Map<String, Object> result = new LinkedHashMap<>();
		for (String key : KEYS) {
			if (key.equals("beans") || key.equals("beanClasses")) {
				result.put(key, List.of());
			}
			else {
				result.put(key, this.kinds.contains(key));
			}
		}
		return result;
	}

}
