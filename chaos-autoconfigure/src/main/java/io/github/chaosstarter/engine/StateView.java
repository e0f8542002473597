package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.Chaos;

/**
 * Describes a state as users read it: the assaults written as properties with their
 * counters, what each assault matches and, when it matches nothing, why; the watched
 * beans; the recent changes.
 *
 * @author Chaos Starter team
 */
final class StateView {

	private static final int MAX_MATCHES = 20;

	private static final int MAX_WATCHED = 200;

	private final ChaosAdvisingPostProcessor advice;

	StateView(ChaosAdvisingPostProcessor advice) {
		this.advice = advice;
	}

	Chaos.State describe(ChaosState state, List<AuditLog.Entry> history) {
		ChaosSpec spec = state.spec();
		List<BeanInfo> watched = this.advice.watched();
		Map<String, Chaos.AssaultState> assaults = new LinkedHashMap<>();
		state.assaults().forEach((name, assault) -> assaults.put(name, assault(assault, watched)));
		List<String> warnings = new ArrayList<>();
		if (watched.isEmpty()) {
			warnings.add("no bean is watched: no bean of the kinds " + kinds()
					+ " was found outside Spring's and the starter's own packages; list the kinds of your beans in "
					+ "chaos.watch.kinds (read at startup)");
		}
		List<Chaos.Change> changes = new ArrayList<>();
		history.forEach((entry) -> changes
			.add(new Chaos.Change(entry.at(), entry.actor(), entry.description(), entry.changes())));
		List<String> names = watched.stream().map(BeanInfo::name).limit(MAX_WATCHED).toList();
		return new Chaos.State(spec.enabled(), spec.dryRun(), spec.seed(), spec.duration(), state.enabledAt(),
				state.haltAt(), new Chaos.Guard(spec.guard().maxErrorRate(), spec.guard().window()),
				hypothesis(spec.hypothesis()), spec.expect().classes(), assaults,
				new Chaos.Watched(watched.size(), names), warnings, changes);
	}

	static Chaos.@Nullable Hypothesis hypothesis(ChaosSpec.@Nullable HypothesisSpec spec) {
		return (spec != null) ? new Chaos.Hypothesis(spec.paths(), spec.maxErrorRate(), spec.maxLatency(),
				spec.baseline(), spec.minRequests()) : null;
	}

	private Chaos.AssaultState assault(Assault assault, List<BeanInfo> watched) {
		AssaultSpec spec = assault.spec();
		Map<String, Object> definition = SpecProperties.describe(SpecProperties.assault(spec));
		List<String> matches = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		if (!spec.target().isDependency() && !spec.target().requestOnly()) {
			for (BeanInfo bean : watched) {
				if (assault.matchesBean(bean) && hasMatchingMethod(assault, bean.type())) {
					matches.add(bean.name());
				}
			}
			if (matches.isEmpty()) {
				warnings.addAll(whyNothingMatches(assault));
			}
		}
		return new Chaos.AssaultState(definition, assault.matched(), assault.injected(), assault.dryRunHits(),
				matches.stream().limit(MAX_MATCHES).toList(), warnings);
	}

	private static boolean hasMatchingMethod(Assault assault, Class<?> type) {
		for (Method method : type.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
					&& assault.matchesMethod(method)) {
				return true;
			}
		}
		return false;
	}

	private List<String> whyNothingMatches(Assault assault) {
		List<String> reasons = new ArrayList<>();
		this.advice.unwatched().forEach((name, unwatched) -> {
			if (assault.namesBean(name, unwatched.type()) && reasons.size() < MAX_MATCHES) {
				reasons
					.add("bean '" + name + "' (" + unwatched.type().getName() + ") is not watched: " + unwatched.why());
			}
		});
		if (reasons.isEmpty()) {
			reasons.add("no watched bean matches this target" + (assault.spec().target().beans().isEmpty() ? ""
					: ": no bean of that name exists among the watched kinds " + kinds()));
		}
		return reasons;
	}

	String kinds() {
		return this.advice.watchedKinds().stream().map(BeanKind::id).sorted().toList().toString();
	}

}
