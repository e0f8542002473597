package io.github.chaosstarter.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;
import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.config.ChaosSpec;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.target.BeanKind;

/**
 * The chaos state as {@code GET /actuator/chaos} shows it. Assaults are written with the
 * names and structure of the {@code chaos.assaults.*} properties (kebab-case), followed
 * by their read-only counters.
 *
 * @param enabled whether chaos is on
 * @param dryRun whether faults are only counted
 * @param seed seed of the random generator, or {@code null}
 * @param duration how long chaos stays on after it was enabled, {@code 0s} for no limit
 * @param enabledAt when chaos was enabled, or {@code null} while off
 * @param haltAt when chaos switches itself off, or {@code null}
 * @param guard the in-app safety stop
 * @param assaults assaults by name, with counters {@code matched}, {@code injected} and
 * {@code dry-run-hits}
 * @param history the most recent changes, oldest first
 * @author Chaos Starter team
 */
public record ChaosDescriptor(boolean enabled, boolean dryRun, @Nullable Long seed, String duration,
		@Nullable String enabledAt, @Nullable String haltAt, Map<String, Object> guard,
		Map<String, Map<String, Object>> assaults, List<ChangeDescriptor> history) implements OperationResponseBody {

	/**
	 * Describe a state.
	 * @param state the state
	 * @param history the recent changes
	 * @return the descriptor
	 */
	public static ChaosDescriptor of(ChaosState state, List<ChaosAuditLog.Entry> history) {
		ChaosSpec spec = state.spec();
		Map<String, Object> guard = new LinkedHashMap<>();
		guard.put("max-error-rate", spec.guard().maxErrorRate());
		guard.put("window", format(spec.guard().window()));
		Map<String, Map<String, Object>> assaults = new LinkedHashMap<>();
		state.assaults().forEach((name, assault) -> assaults.put(name, assault(assault)));
		List<ChangeDescriptor> changes = new ArrayList<>();
		history.forEach((entry) -> changes
			.add(new ChangeDescriptor(entry.at().toString(), entry.actor(), entry.description(), entry.changes())));
		return new ChaosDescriptor(spec.enabled(), spec.dryRun(), spec.seed(), format(spec.duration()),
				text(state.enabledAt()), text(state.haltAt()), guard, assaults, changes);
	}

	private static Map<String, Object> assault(Assault assault) {
		AssaultSpec spec = assault.spec();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("target", target(spec.target()));
		Map<String, Object> effect = new LinkedHashMap<>();
		if (spec.effect() instanceof ExceptionSpec exception) {
			effect.put("type", exception.type().getName());
			effect.put("message", exception.message());
		}
		else if (spec.effect() instanceof LatencySpec latency) {
			effect.put("min", format(latency.min()));
			effect.put("max", format(latency.max()));
		}
		else if (spec.effect() instanceof ErrorResponseSpec response) {
			effect.put("status", response.status());
			if (response.retryAfter() != null) {
				effect.put("retry-after", format(response.retryAfter()));
			}
		}
		else if (spec.effect() instanceof KillSpec kill) {
			effect.put("mode", kill.mode());
			effect.put("exit-code", kill.exitCode());
		}
		result.put(spec.effect().kind(), effect);
		result.put("probability", spec.probability());
		if (spec.maxInjections() != null) {
			result.put("max-injections", spec.maxInjections());
		}
		result.put("enabled", spec.enabled());
		result.put("matched", assault.matched());
		result.put("injected", assault.injected());
		result.put("dry-run-hits", assault.dryRunHits());
		return result;
	}

	private static Map<String, Object> target(TargetSpec target) {
		Map<String, Object> result = new LinkedHashMap<>();
		putIfNotEmpty(result, "kinds", target.kinds().stream().map(BeanKind::id).toList());
		putIfNotEmpty(result, "beans", target.beans());
		putIfNotEmpty(result, "classes", target.classes());
		putIfNotEmpty(result, "methods", target.methods());
		if (!target.http().isEmpty()) {
			Map<String, Object> http = new LinkedHashMap<>();
			putIfNotEmpty(http, "paths", target.http().paths());
			putIfNotEmpty(http, "methods", target.http().methods());
			if (!target.http().headers().isEmpty()) {
				http.put("headers", target.http().headers());
			}
			result.put("http", http);
		}
		putIfNotEmpty(result, "principal", target.principals());
		if (!target.client().isEmpty()) {
			Map<String, Object> client = new LinkedHashMap<>();
			putIfNotEmpty(client, "hosts", target.client().hosts());
			putIfNotEmpty(client, "paths", target.client().paths());
			putIfNotEmpty(client, "methods", target.client().methods());
			result.put("client", client);
		}
		return result;
	}

	private static void putIfNotEmpty(Map<String, Object> map, String key, List<?> values) {
		if (!values.isEmpty()) {
			map.put(key, values);
		}
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Write a duration as in configuration files: {@code 30s}, {@code 200ms}, {@code 2m}.
	 * @param duration the duration
	 * @return the text
	 */
	static String format(Duration duration) {
		long nanos;
		try {
			nanos = duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.toString();
		}
		if (nanos == 0) {
			return "0s";
		}
		String[] units = { "d", "h", "m", "s", "ms", "us", "ns" };
		long[] sizes = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L,
				1L };
		for (int i = 0; i < units.length; i++) {
			if (nanos % sizes[i] == 0) {
				return (nanos / sizes[i]) + units[i];
			}
		}
		return duration.toString();
	}

	/**
	 * One change of the chaos state.
	 *
	 * @param at when it happened
	 * @param actor who made it: a principal's name, {@code endpoint}, {@code api},
	 * {@code auto-halt}, {@code guard}
	 * @param description how it arrived or why it happened
	 * @param changes what changed
	 */
	public record ChangeDescriptor(String at, String actor, String description, List<String> changes) {

	}

}
