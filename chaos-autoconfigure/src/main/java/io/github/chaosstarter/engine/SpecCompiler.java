package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.AssaultSpec.EffectSpec;
import io.github.chaosstarter.engine.TargetSpec;
import io.github.chaosstarter.engine.ChaosSpec.GuardSpec;

/**
 * Validates bound {@link ChaosProperties} and turns them into immutable specifications.
 * The same code checks the application's configuration at startup and every change posted
 * at runtime, so a value that fails startup fails a change the same way. Every failure is
 * an {@link InvalidChaosPropertyException} naming the property.
 *
 * @author Chaos Starter team
 */
final class SpecCompiler {

	/**
	 * Longest {@code chaos.duration}: an auto-halt further away is a mistake, never a
	 * plan.
	 */
	static final Duration MAX_DURATION = Duration.ofDays(30);

	/** Longest {@code chaos.guard.window}. */
	static final Duration MAX_GUARD_WINDOW = Duration.ofDays(1);

	/** Longest {@code chaos.hypothesis.baseline}: the window is kept in memory. */
	static final Duration MAX_BASELINE = Duration.ofHours(1);

	/** Longest injected delay. */
	static final Duration MAX_LATENCY = Duration.ofHours(1);

	/** Longest {@code Retry-After}. */
	static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	/** Most assaults at once: a method plan keeps one bit per assault. */
	static final int MAX_ASSAULTS = 64;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	static final String ASSAULTS = "chaos.assaults";

	private final TargetCompiler targets;

	private final boolean allowKill;

	private final EffectCompiler effects;

	SpecCompiler(Set<BeanKind> watchedKinds, boolean allowKill, ExceptionTypes exceptionTypes) {
		this.targets = new TargetCompiler(watchedKinds);
		this.allowKill = allowKill;
		this.effects = new EffectCompiler(allowKill, exceptionTypes);
	}

	/**
	 * Parse {@code chaos.watch.kinds}.
	 * @param kinds the configured names
	 * @return the kinds
	 */
	static Set<BeanKind> watchedKinds(List<String> kinds) {
		Set<BeanKind> result = EnumSet.noneOf(BeanKind.class);
		for (int i = 0; i < kinds.size(); i++) {
			BeanKind kind = BeanKind.fromId(kinds.get(i));
			if (kind == null) {
				throw new InvalidChaosPropertyException("chaos.watch.kinds[" + i + "]",
						"unknown kind '" + abbreviate(kinds.get(i)) + "'; use one of " + BeanKind.ids());
			}
			result.add(kind);
		}
		return result;
	}

	boolean allowKill() {
		return this.allowKill;
	}

	/**
	 * Validate the settings that are read at startup only and that no change carries:
	 * {@code chaos.propagate-headers} and {@code chaos.fleet}.
	 * @param properties the bound properties
	 */
	void checkStartupSettings(ChaosProperties properties) {
		List<String> headers = properties.getPropagateHeaders();
		for (int i = 0; i < headers.size(); i++) {
			TargetCompiler.checkHeaderName("chaos.propagate-headers[" + i + "]", headers.get(i));
		}
		if (duration("chaos.fleet.ack-timeout", properties.getFleet().getAckTimeout()).isZero()) {
			throw new InvalidChaosPropertyException("chaos.fleet.ack-timeout", "must be positive but was 0s");
		}
	}

	/**
	 * Validate and convert the whole configuration.
	 * @param properties the bound properties
	 * @return the specification
	 */
	ChaosSpec compile(ChaosProperties properties) {
		Map<String, AssaultSpec> assaults = new LinkedHashMap<>();
		properties.getAssaults().forEach((name, assault) -> assaults.put(name, assault(name, assault)));
		count(assaults);
		return new ChaosSpec(properties.isEnabled(), properties.isDryRun(), properties.getSeed(),
				duration("chaos.duration", properties.getDuration()), guard("chaos.guard", properties.getGuard()),
				hypothesis("chaos.hypothesis", properties.getHypothesis()),
				DependencyNames.expect("chaos.expect", properties.getExpect()), assaults);
	}

	/**
	 * Validate the steady-state hypothesis.
	 * @param prefix property prefix, {@code chaos.hypothesis}
	 * @param hypothesis the bound values, or {@code null} for none
	 * @return the specification, or {@code null} for none
	 */
	ChaosSpec.@Nullable HypothesisSpec hypothesis(String prefix, ChaosProperties.@Nullable Hypothesis hypothesis) {
		if (hypothesis == null) {
			return null;
		}
		Double rate = hypothesis.getMaxErrorRate();
		if (rate != null && !(rate >= 0.0 && rate <= 1.0)) {
			throw new InvalidChaosPropertyException(prefix + ".max-error-rate",
					"must be between 0.0 and 1.0 but was " + rate);
		}
		Duration latency = hypothesis.getMaxLatency();
		if (latency != null) {
			positive(prefix + ".max-latency", latency);
			atMost(prefix + ".max-latency", latency, MAX_LATENCY);
		}
		if (rate == null && latency == null) {
			throw new InvalidChaosPropertyException(prefix,
					"names no figure to hold: set max-error-rate, max-latency or both");
		}
		Duration baseline = hypothesis.getBaseline();
		positive(prefix + ".baseline", baseline);
		atMost(prefix + ".baseline", baseline, MAX_BASELINE);
		int minRequests = hypothesis.getMinRequests();
		if (minRequests < 1) {
			throw new InvalidChaosPropertyException(prefix + ".min-requests",
					"must be at least 1 but was " + minRequests);
		}
		return new ChaosSpec.HypothesisSpec(TargetCompiler.paths(prefix + ".paths", hypothesis.getPaths()), rate,
				latency, baseline, minRequests);
	}

	private static void positive(String property, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidChaosPropertyException(property, "must be a positive duration but was " + duration);
		}
	}

	/**
	 * Validate the guard settings.
	 * @param prefix property prefix, e.g. {@code chaos.guard}
	 * @param guard the bound values
	 * @return the specification
	 */
	GuardSpec guard(String prefix, ChaosProperties.Guard guard) {
		double rate = guard.getMaxErrorRate();
		if (!(rate >= 0.0 && rate <= 1.0)) {
			throw new InvalidChaosPropertyException(prefix + ".max-error-rate",
					"must be between 0.0 and 1.0 (1.0 switches the guard off) but was " + rate);
		}
		Duration window = guard.getWindow();
		if (window == null || window.isNegative() || window.isZero()) {
			throw new InvalidChaosPropertyException(prefix + ".window",
					"must be a positive duration but was " + window);
		}
		atMost(prefix + ".window", window, MAX_GUARD_WINDOW);
		return new GuardSpec(rate, window);
	}

	/**
	 * Validate a duration that must not be negative.
	 * @param property the property name
	 * @param duration the value
	 * @return the value, zero for {@code null}
	 */
	Duration duration(String property, @Nullable Duration duration) {
		if (duration == null) {
			return Duration.ZERO;
		}
		if (duration.isNegative()) {
			throw new InvalidChaosPropertyException(property, "must not be negative but was " + duration);
		}
		atMost(property, duration, MAX_DURATION);
		return duration;
	}

	static void atMost(String property, Duration duration, Duration max) {
		if (duration.compareTo(max) > 0) {
			throw new InvalidChaosPropertyException(property,
					"must not exceed " + format(max) + " but was " + format(duration));
		}
	}

	/**
	 * Write a duration as in configuration files, without overflowing for huge values.
	 * @param duration the duration
	 * @return e.g. {@code 30s}, {@code 1d} or the ISO-8601 form when no unit fits
	 */
	static String format(Duration duration) {
		long seconds = duration.getSeconds();
		int nanos = duration.getNano();
		if (nanos == 0) {
			if (seconds == 0) {
				return "0s";
			}
			for (long[] unit : new long[][] { { 86_400, 'd' }, { 3_600, 'h' }, { 60, 'm' }, { 1, 's' } }) {
				if (seconds % unit[0] == 0) {
					return (seconds / unit[0]) + String.valueOf((char) unit[1]);
				}
			}
		}
		if (Math.abs(seconds) < 1_000_000 && nanos % 1_000_000 == 0) {
			return (seconds * 1000 + nanos / 1_000_000) + "ms";
		}
		if (Math.abs(seconds) < 1_000 && nanos % 1_000 == 0) {
			return (seconds * 1_000_000 + nanos / 1_000) + "us";
		}
		if (Math.abs(seconds) < 1_000) {
			return (seconds * 1_000_000_000 + nanos) + "ns";
		}
		return duration.toString();
	}

	/**
	 * Validate and convert one assault.
	 * @param prefix property prefix of the map, e.g. {@code chaos.assaults}
	 * @param name the assault's name
	 * @param assault the bound values
	 * @return the specification
	 */
	AssaultSpec assault(String name, ChaosProperties.Assault assault) {
		checkName(name);
		String path = ASSAULTS + "." + name;
		double probability = assault.getProbability();
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new InvalidChaosPropertyException(path + ".probability",
					"must be between 0.0 and 1.0 but was " + probability);
		}
		Long max = assault.getMaxInjections();
		if (max != null && max < 0) {
			throw new InvalidChaosPropertyException(path + ".max-injections", "must not be negative but was " + max);
		}
		TargetSpec target = this.targets.compile(path + ".target", assault.getTarget());
		EffectSpec effect = this.effects.compile(path, assault);
		EffectCompiler.checkTarget(path, target, effect, probability, max);
		String dependency = DependencyNames.label(path + ".dependency", assault.getDependency(), target, effect);
		return new AssaultSpec(name, target, effect, probability, max, assault.isEnabled(), dependency);
	}

	/**
	 * Check an assault's name: the one rule for startup and runtime.
	 * @param name the name
	 * @throws InvalidChaosPropertyException when it is not a valid name
	 */
	static void checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidChaosPropertyException(ASSAULTS + "." + abbreviate(name),
					"an assault name has 1 to 100 letters, digits, '-' or '_', starting with a letter or digit");
		}
	}

	/**
	 * Check the number of assaults.
	 * @param assaults the assaults by name
	 */
	static void count(Map<String, ?> assaults) {
		if (assaults.size() > MAX_ASSAULTS) {
			throw new InvalidChaosPropertyException(ASSAULTS,
					"holds " + assaults.size() + " assaults; at most " + MAX_ASSAULTS + " are allowed at once");
		}
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

}
