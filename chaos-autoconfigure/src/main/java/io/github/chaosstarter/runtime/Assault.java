package io.github.chaosstarter.runtime;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.util.AntPathMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.util.PatternMatchUtils;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.target.BeanInfo;

/**
 * An assault ready to run: its specification, compiled matchers and live counters.
 * Instances are immutable apart from the counters; an assault that a change leaves
 * untouched keeps its instance, and so its counters, across state swaps.
 *
 * @author Chaos Starter team
 */
public final class Assault {

	private static final AntPathMatcher CLASS_MATCHER = new AntPathMatcher(".");

	private final AssaultSpec spec;

	private final @Nullable RequestCondition requestCondition;

	private final long maxInjections;

	private final LongAdder matched = new LongAdder();

	private final AtomicLong injected = new AtomicLong();

	private final AtomicLong dryRunHits = new AtomicLong();

	Assault(AssaultSpec spec, @Nullable RequestCondition requestCondition) {
		this.spec = spec;
		this.requestCondition = requestCondition;
		this.maxInjections = (spec.maxInjections() != null) ? spec.maxInjections() : Long.MAX_VALUE;
	}

	/**
	 * Return the specification.
	 * @return the spec
	 */
	public AssaultSpec spec() {
		return this.spec;
	}

	/**
	 * Return the assault's name.
	 * @return the name
	 */
	public String name() {
		return this.spec.name();
	}

	/**
	 * Return how many calls matched the target (before probability and limits).
	 * @return the count
	 */
	public long matched() {
		return this.matched.sum();
	}

	/**
	 * Return how many faults were injected.
	 * @return the count
	 */
	public long injected() {
		return this.injected.get();
	}

	/**
	 * Return how many faults would have been injected while in dry-run mode.
	 * @return the count
	 */
	public long dryRunHits() {
		return this.dryRunHits.get();
	}

	/**
	 * Return whether the target's static conditions (kind, bean, class) select the bean.
	 * @param bean the bean
	 * @return {@code true} when selected
	 */
	public boolean matchesBean(BeanInfo bean) {
		TargetSpec target = this.spec.target();
		if (target.isClient()) {
			return false;
		}
		if (!target.kinds().isEmpty() && !target.kinds().contains(bean.kind())) {
			return false;
		}
		if (!target.beans().isEmpty()
				&& !PatternMatchUtils.simpleMatch(target.beans().toArray(String[]::new), bean.name())) {
			return false;
		}
		return target.classes().isEmpty() || matchesClass(target.classes(), bean.type());
	}

	private static boolean matchesClass(List<String> patterns, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (Class<?> candidate = type; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
			names.add(candidate.getName());
		}
		for (Class<?> candidate : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			names.add(candidate.getName());
		}
		for (String pattern : patterns) {
			for (String name : names) {
				if (CLASS_MATCHER.match(pattern, name)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return whether the target's method patterns select the method.
	 * @param method the method
	 * @return {@code true} when selected
	 */
	public boolean matchesMethod(Method method) {
		List<String> methods = this.spec.target().methods();
		return methods.isEmpty() || PatternMatchUtils.simpleMatch(methods.toArray(String[]::new), method.getName());
	}

	/**
	 * Decide for one call whose bean and method (or outbound request) already match:
	 * check the conditions of the running call, count the match, draw against the
	 * probability and respect the injection limit.
	 * @param random the state's generator
	 * @param dryRun whether faults are only counted
	 * @return {@code true} when the fault is to be injected (or counted, in dry-run mode)
	 */
	public boolean select(ChaosRandom random, boolean dryRun) {
		return matchesCall() && decide(random, dryRun);
	}

	/**
	 * Check the conditions that depend on the running call and count a match.
	 * @return {@code true} when the call matches
	 */
	boolean matchesCall() {
		RequestCondition condition = this.requestCondition;
		if (condition != null && !condition.matches()) {
			return false;
		}
		this.matched.increment();
		return true;
	}

	/**
	 * Decide whether to inject into a matching call: the probability draw, then the
	 * injection limit. Counts the injection when it happens.
	 * @param random the generator
	 * @param dryRun whether faults are only counted
	 * @return {@code true} to inject (or, in dry-run mode, to count)
	 */
	boolean decide(ChaosRandom random, boolean dryRun) {
		double probability = this.spec.probability();
		if (probability <= 0.0) {
			return false;
		}
		if (probability < 1.0 && random.nextDouble() >= probability) {
			return false;
		}
		AtomicLong counter = dryRun ? this.dryRunHits : this.injected;
		if (this.maxInjections == Long.MAX_VALUE) {
			counter.incrementAndGet();
			return true;
		}
		long current;
		do {
			current = counter.get();
			if (current >= this.maxInjections) {
				return false;
			}
		}
		while (!counter.compareAndSet(current, current + 1));
		return true;
	}

	@Override
	public String toString() {
		return "Assault '" + name() + "' (" + this.spec.effect().kind() + ")";
	}

}
