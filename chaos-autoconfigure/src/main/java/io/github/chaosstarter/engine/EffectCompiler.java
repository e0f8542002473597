package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.AssaultSpec.EffectSpec;
import io.github.chaosstarter.engine.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.engine.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.engine.AssaultSpec.KillSpec;
import io.github.chaosstarter.engine.AssaultSpec.LatencySpec;
import io.github.chaosstarter.engine.AssaultSpec.UnavailableSpec;

/**
 * Validates the one effect of an assault and turns it into its {@link EffectSpec}.
 *
 * @author Chaos Starter team
 */
final class EffectCompiler {

	private final boolean allowKill;

	private final ExceptionTypes exceptionTypes;

	EffectCompiler(boolean allowKill, ExceptionTypes exceptionTypes) {
		this.allowKill = allowKill;
		this.exceptionTypes = exceptionTypes;
	}

	EffectSpec compile(String path, ChaosProperties.Assault assault) {
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
		if (assault.getUnavailable() != null) {
			given.add("unavailable");
		}
		if (assault.getMiss() != null) {
			given.add("miss");
		}
		if (assault.getPoolExhaustion() != null) {
			given.add("pool-exhaustion");
		}
		if (assault.getKill() != null) {
			given.add("kill");
		}
		if (given.isEmpty()) {
			throw new InvalidChaosPropertyException(path,
					"an assault needs exactly one effect: exception, latency, error-response, unavailable, miss,"
							+ " pool-exhaustion or kill; none was"
							+ " given (in YAML an empty object such as 'exception: {}' or 'unavailable: {}' sets nothing:"
							+ " give one of its keys, e.g. exception.message or unavailable.immediately)");
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
		if (assault.getUnavailable() != null) {
			return new UnavailableSpec(assault.getUnavailable().isImmediately());
		}
		if (assault.getMiss() != null) {
			if (!assault.getMiss().isEnabled()) {
				throw new InvalidChaosPropertyException(path + ".miss.enabled",
						"must be true: it is the miss effect's only key; to pause the assault set enabled: false on"
								+ " the assault itself, or remove it");
			}
			return new AssaultSpec.MissSpec();
		}
		if (assault.getPoolExhaustion() != null) {
			return poolExhaustion(path + ".pool-exhaustion", assault.getPoolExhaustion());
		}
		return kill(path + ".kill", assault.getKill());
	}

	private AssaultSpec.PoolExhaustionSpec poolExhaustion(String path, ChaosProperties.PoolExhaustion exhaustion) {
		String given = (exhaustion.getConnections() != null) ? exhaustion.getConnections().trim() : "";
		int connections;
		if (given.equalsIgnoreCase("all")) {
			connections = 0;
		}
		else {
			try {
				connections = Integer.parseInt(given);
			}
			catch (NumberFormatException ex) {
				connections = -1;
			}
			if (connections < 1 || connections > 10_000) {
				throw new InvalidChaosPropertyException(path + ".connections",
						"must be 'all' or a number of connections from 1 to 10000 but was '"
								+ SpecCompiler.abbreviate(given) + "'");
			}
		}
		Duration hold = exhaustion.getHold();
		if (hold != null) {
			if (hold.isNegative() || hold.isZero()) {
				throw new InvalidChaosPropertyException(path + ".hold", "must be positive but was "
						+ SpecCompiler.format(hold) + "; leave it out to hold until chaos stops");
			}
			SpecCompiler.atMost(path + ".hold", hold, SpecCompiler.MAX_LATENCY);
		}
		return new AssaultSpec.PoolExhaustionSpec(connections, hold);
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
			throw new InvalidChaosPropertyException(path + ".min",
					"must not be negative but was " + SpecCompiler.format(min));
		}
		if (max != null && max.isNegative()) {
			throw new InvalidChaosPropertyException(path + ".max",
					"must not be negative but was " + SpecCompiler.format(max));
		}
		// the bound is reported at the key the user gave
		SpecCompiler.atMost(path + ((max != null) ? ".max" : ".min"), (max != null) ? max : min,
				SpecCompiler.MAX_LATENCY);
		min = (min != null) ? min : max;
		max = (max != null) ? max : min;
		if (min.compareTo(max) > 0) {
			throw new InvalidChaosPropertyException(path + ".min", "must not be greater than max ("
					+ SpecCompiler.format(max) + ") but was " + SpecCompiler.format(min));
		}
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
					"must not be negative but was " + SpecCompiler.format(retryAfter));
		}
		if (retryAfter != null) {
			SpecCompiler.atMost(path + ".retry-after", retryAfter, SpecCompiler.MAX_RETRY_AFTER);
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
	 * Check that an effect can apply to a target, and how often it may be drawn.
	 * @param path the assault's property path
	 * @param target the compiled target
	 * @param effect the compiled effect
	 * @param probability the assault's probability
	 * @param max its injection limit, or {@code null}
	 */
	static void checkTarget(String path, TargetSpec target, EffectSpec effect, double probability, @Nullable Long max) {
		if (target.isClient() && effect instanceof KillSpec) {
			throw new InvalidChaosPropertyException(path + ".kill",
					"a kill effect cannot target outbound client calls; use a bean or http target");
		}
		if (target.isJdbc() && (effect instanceof KillSpec || effect instanceof AssaultSpec.ErrorResponseSpec)) {
			throw new InvalidChaosPropertyException(path + "." + effect.kind(), "a " + effect.kind()
					+ " effect cannot target data source calls; use exception, latency or unavailable");
		}
		if (!target.isDependency() && effect instanceof AssaultSpec.UnavailableSpec) {
			throw new InvalidChaosPropertyException(path + ".unavailable",
					"an unavailable effect makes a dependency unreachable and needs a client, jdbc, cache, redis, kafka"
							+ " or rabbit target; for a bean method use an exception effect");
		}
		String calls = target.isCache() ? "cache operations" : target.isRedis() ? "Redis commands"
				: target.isKafka() ? "Kafka records" : target.isRabbit() ? "RabbitMQ messages" : null;
		if (calls != null && (effect instanceof KillSpec || effect instanceof AssaultSpec.ErrorResponseSpec)) {
			throw new InvalidChaosPropertyException(path + "." + effect.kind(),
					"a " + effect.kind() + " effect cannot target " + calls + "; use " + (target.isCache()
							? "exception, latency, unavailable or miss" : "exception, latency or unavailable"));
		}
		if (calls != null && effect instanceof ExceptionSpec exception
				&& !RuntimeException.class.isAssignableFrom(exception.type())
				&& !Error.class.isAssignableFrom(exception.type())) {
			throw new InvalidChaosPropertyException(path + ".exception.type", calls
					+ " declare no checked exception: use a RuntimeException such as java.lang.IllegalStateException");
		}
		MessagingSpec messages = target.isKafka() ? target.kafka() : target.isRabbit() ? target.rabbit() : null;
		if (messages != null && effect instanceof AssaultSpec.UnavailableSpec
				&& !messages.operations().equals(List.of("send"))) {
			throw new InvalidChaosPropertyException(
					path + ".target." + (target.isKafka() ? "kafka" : "rabbit") + ".operations",
					"an unavailable broker fails sends; a listener of an unreachable broker simply receives nothing,"
							+ " so unavailable needs operations: [send] (for receive use exception or latency)");
		}
		if (effect instanceof AssaultSpec.MissSpec) {
			if (!target.isCache()) {
				throw new InvalidChaosPropertyException(path + ".miss",
						"a miss effect makes cache gets miss and needs a cache target (target.cache.names)");
			}
			if (!target.cache().operations().isEmpty() && !target.cache().operations().equals(List.of("get"))) {
				throw new InvalidChaosPropertyException(path + ".target.cache.operations",
						"a miss effect makes gets miss: operations must be [get] or left out");
			}
		}
		if (effect instanceof AssaultSpec.PoolExhaustionSpec) {
			if (!target.isJdbc()) {
				throw new InvalidChaosPropertyException(path + ".pool-exhaustion",
						"a pool-exhaustion effect holds connections of a data source and needs a jdbc target"
								+ " (target.jdbc.data-sources)");
			}
			if (!target.jdbc().operations().isEmpty() || !target.jdbc().statements().isEmpty()) {
				throw new InvalidChaosPropertyException(path + ".target.jdbc",
						"a pool-exhaustion effect holds the pool's connections whatever the application does with them:"
								+ " select data sources only, without operations or statements");
			}
			if (probability != 1.0) {
				throw new InvalidChaosPropertyException(path + ".probability",
						"a pool-exhaustion effect is applied once, when the assault becomes active; leave probability out");
			}
			if (max != null) {
				throw new InvalidChaosPropertyException(path + ".max-injections",
						"a pool-exhaustion effect is applied once, when the assault becomes active; leave max-injections out");
			}
		}
		if (target.isJdbc() && effect instanceof AssaultSpec.UnavailableSpec && !target.jdbc().selects("connect")) {
			throw new InvalidChaosPropertyException(path + ".target.jdbc.operations",
					"an unreachable database fails when a connection is obtained: an unavailable effect needs the"
							+ " connect operation; add connect, or leave operations out");
		}
	}

}
