package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.AssaultSpec.EffectSpec;
import io.github.chaosstarter.engine.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.engine.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.engine.AssaultSpec.KillSpec;
import io.github.chaosstarter.engine.AssaultSpec.LatencySpec;
import io.github.chaosstarter.engine.AssaultSpec.TargetSpec;
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

	private final ExceptionTypes exceptionTypes;

	SpecCompiler(Set<BeanKind> watchedKinds, boolean allowKill, ExceptionTypes exceptionTypes) {
		this.targets = new TargetCompiler(watchedKinds);
		this.allowKill = allowKill;
		this.exceptionTypes = exceptionTypes;
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
				assaults);
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

	private static void atMost(String property, Duration duration, Duration max) {
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
		if (!NAME.matcher(name).matches()) {
			throw new InvalidChaosPropertyException(ASSAULTS + "." + abbreviate(name),
					"an assault name has 1 to 100 letters, digits, '-' or '_', starting with a letter or digit");
		}
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
		EffectSpec effect = effect(path, assault);
		if (target.isClient() && effect instanceof KillSpec) {
			throw new InvalidChaosPropertyException(path + ".kill",
					"a kill effect cannot target outbound client calls; use a bean or http target");
		}
		return new AssaultSpec(name, target, effect, probability, max, assault.isEnabled());
	}

	private EffectSpec effect(String path, ChaosProperties.Assault assault) {
		List<String> given = new ArrayList<>();
		if (assault.getException() != null) {
			given.add("exception");
		}
		if (assault.getLatency() != null) {
			given.add("latency");
		}
		if (assault.getErrorResponse() != null) {
			given.add("error-response");
		}
		if (assault.getKill() != null) {
			given.add("kill");
		}
		if (given.isEmpty()) {
			throw new InvalidChaosPropertyException(path,
					"an assault needs exactly one effect: exception, latency, error-response or kill; none was given"
							+ " (in YAML an empty 'exception: {}' sets nothing: give one of its keys, e.g. exception.message)");
		}
		if (given.size() > 1) {
			throw new InvalidChaosPropertyException(path + "." + given.get(1), "an assault has exactly one effect but "
					+ String.join(" and ", given) + " were given; split them into separate assaults");
		}
		if (assault.getException() != null) {
			return exception(path + ".exception", assault.getException());
		}
		if (assault.getLatency() != null) {
			return latency(path + ".latency", assault.getLatency());
		}
		if (assault.getErrorResponse() != null) {
			return errorResponse(path + ".error-response", assault.getErrorResponse());
		}
		return kill(path + ".kill", assault.getKill());
	}

	private ExceptionSpec exception(String path, ChaosProperties.ExceptionEffect exception) {
		Class<? extends Throwable> throwable = this.exceptionTypes.resolve(path + ".type",
				(exception.getType() != null) ? exception.getType() : "");
		String message = (exception.getMessage() != null) ? exception.getMessage() : "injected failure";
		return new ExceptionSpec(throwable, message);
	}

	private LatencySpec latency(String path, ChaosProperties.Latency latency) {
		Duration min = latency.getMin();
		Duration max = latency.getMax();
		if (min == null && max == null) {
			throw new InvalidChaosPropertyException(path + ".min", "a latency effect needs min, max or both");
		}
		if (min != null && min.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".min", "must not be negative but was " + format(min));
		}
		if (max != null && max.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".max", "must not be negative but was " + format(max));
		}
		min = (min != null) ? min : max;
		max = (max != null) ? max : min;
		if (min.compareTo(max) > 0) {
			throw new InvalidChaosPropertyException(path + ".min",
					"must not be greater than max (" + format(max) + ") but was " + format(min));
		}
		atMost(path + ".max", max, MAX_LATENCY);
		return new LatencySpec(min, max);
	}

	private ErrorResponseSpec errorResponse(String path, ChaosProperties.ErrorResponse response) {
		int status = response.getStatus();
		if (status < 400 || status > 599) {
			throw new InvalidChaosPropertyException(path + ".status",
					"must be an HTTP error status from 400 to 599 but was " + status);
		}
		Duration retryAfter = response.getRetryAfter();
		if (retryAfter != null && retryAfter.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".retry-after",
					"must not be negative but was " + format(retryAfter));
		}
		if (retryAfter != null) {
			atMost(path + ".retry-after", retryAfter, MAX_RETRY_AFTER);
		}
		return new ErrorResponseSpec(status, retryAfter);
	}

	private KillSpec kill(String path, ChaosProperties.@Nullable Kill kill) {
		if (kill == null) {
			throw new InvalidChaosPropertyException(path, "missing kill settings");
		}
		if (!this.allowKill) {
			throw new InvalidChaosPropertyException(path,
					"kill assaults are refused unless chaos.allow-kill=true is set in the application's own configuration");
		}
		String mode = (kill.getMode() != null) ? kill.getMode().trim().toLowerCase(Locale.ROOT) : "";
		if (!mode.equals("graceful") && !mode.equals("abrupt")) {
			throw new InvalidChaosPropertyException(path + ".mode",
					"must be 'graceful' or 'abrupt' but was '" + kill.getMode() + "'");
		}
		if (kill.getExitCode() < 0 || kill.getExitCode() > 255) {
			throw new InvalidChaosPropertyException(path + ".exit-code",
					"must be between 0 and 255 but was " + kill.getExitCode());
		}
		return new KillSpec(mode.equals("abrupt"), kill.getExitCode());
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
