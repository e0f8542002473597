package io.github.chaosstarter.chaosmonkey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Maps the settings of Chaos Monkey for Spring Boot onto the one assault this endpoint
 * manages, written as the body of {@code POST /actuator/chaos} writes an assault, so that
 * the engine checks it exactly as it checks any other change:
 * <ul>
 * <li>{@code level} is the probability {@code 1/level};</li>
 * <li>{@code latencyActive}: a latency between {@code latencyRangeStart} and
 * {@code latencyRangeEnd} milliseconds; {@code exceptionsActive}: the exception;</li>
 * <li>the watchers that are on are the target's kinds: none on, no assault;</li>
 * <li>{@code watchedCustomServices}, prefixes of {@code package.Class.method}: class or
 * package prefixes become class patterns; prefixes that end in a method name
 * ({@code com.acme.OrderService.find}, a lower-case segment after an upper-case one)
 * become method patterns of that one class. Both kinds together, or methods of several
 * classes, cannot be one target and are refused. An empty prefix selects everything.</li>
 * </ul>
 *
 * @author Chaos Starter team
 */
final class AssaultMapping {

	private AssaultMapping() {
	}

	/**
	 * Return the assault the settings ask for.
	 * @param assaults the assault settings
	 * @param watchers the watchers
	 * @return the assault, or {@code null} when nothing is to be attacked
	 * @throws InvalidChaosPropertyException naming the field of the settings
	 */
	static @Nullable Map<String, Object> assault(AssaultSettings assaults, WatcherSettings watchers) {
		Map<String, Object> target = target(assaults.watchedCustomServices());
		boolean latency = assaults.on("latencyActive");
		boolean exception = assaults.on("exceptionsActive");
		List<String> kinds = watchers.kindIds();
		if ((!latency && !exception) || kinds.isEmpty()) {
			return null;
		}
		target.put("kinds", kinds);
		Map<String, Object> assault = new LinkedHashMap<>();
		assault.put("target", target);
		if (latency) {
			assault.put("latency", Map.of("min", assaults.number("latencyRangeStart") + "ms", "max",
					assaults.number("latencyRangeEnd") + "ms"));
		}
		else {
			Map<String, Object> thrown = new LinkedHashMap<>();
			thrown.put("type", assaults.exception().type());
			if (assaults.exception().message() != null) {
				thrown.put("message", assaults.exception().message());
			}
			assault.put("exception", thrown);
		}
		assault.put("probability", 1.0 / assaults.number("level"));
		return assault;
	}

	static Map<String, Object> target(List<String> services) {
		Map<String, Object> target = new LinkedHashMap<>();
		if (services.isEmpty() || services.stream().anyMatch(String::isBlank)) {
			return target;
		}
		List<String> classes = new ArrayList<>();
		Set<String> owners = new LinkedHashSet<>();
		List<String> methods = new ArrayList<>();
		for (String service : services) {
			String prefix = service.trim();
			int dot = prefix.lastIndexOf('.');
			String last = prefix.substring(dot + 1);
			String owner = (dot > 0) ? prefix.substring(0, dot) : "";
			String ownerName = owner.substring(owner.lastIndexOf('.') + 1);
			if (!last.isEmpty() && Character.isLowerCase(last.charAt(0)) && !ownerName.isEmpty()
					&& Character.isUpperCase(ownerName.charAt(0))) {
				owners.add(owner);
				methods.add(last + "*");
			}
			else {
				classes.add(prefix + "*");
				classes.add(prefix + "*.**");
			}
		}
		if (!methods.isEmpty() && !classes.isEmpty()) {
			throw new InvalidChaosPropertyException("watchedCustomServices", "mixes class or package prefixes with "
					+ "method prefixes, which one assault cannot select together; give one kind of prefix");
		}
		if (owners.size() > 1) {
			throw new InvalidChaosPropertyException("watchedCustomServices", "names methods of several classes "
					+ owners + ", which one assault cannot select together; name methods of one class");
		}
		target.put("classes", methods.isEmpty() ? classes : List.copyOf(owners));
		if (!methods.isEmpty()) {
			target.put("methods", methods);
		}
		return target;
	}

	/**
	 * Name the field of the settings behind a refusal of the engine.
	 * @param ex the refusal of the assault
	 * @return the refusal naming the field the caller gave
	 */
	static InvalidChaosPropertyException translate(InvalidChaosPropertyException ex) {
		String property = ex.getProperty();
		int index = property.indexOf(ChaosMonkeyApi.ASSAULT + ".");
		if (index < 0) {
			return ex;
		}
		String path = property.substring(index + ChaosMonkeyApi.ASSAULT.length() + 1);
		String field = field(path);
		return new InvalidChaosPropertyException(field, ex.getReason() + " (as " + property + ")");
	}

	private static String field(String path) {
		if (path.startsWith("exception.message")) {
			return "exception.arguments";
		}
		if (path.startsWith("exception")) {
			return "exception.type";
		}
		if (path.startsWith("latency.max")) {
			return "latencyRangeEnd";
		}
		if (path.startsWith("latency")) {
			return "latencyRangeStart";
		}
		if (path.startsWith("target.kinds")) {
			return "watchers";
		}
		if (path.startsWith("target")) {
			return "watchedCustomServices";
		}
		return path.startsWith("probability") ? "level" : path;
	}

}
