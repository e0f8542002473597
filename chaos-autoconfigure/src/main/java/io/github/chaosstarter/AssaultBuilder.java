package io.github.chaosstarter;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * Describes one assault for {@link Chaos#assault(String)}, filling the same
 * {@link ChaosProperties.Assault} that {@code chaos.assaults.<name>.*} binds: the assault
 * is validated and compiled exactly as one from the application's configuration.
 *
 * @author Chaos Starter team
 */
public final class AssaultBuilder {

	private final String name;

	private final Function<ChaosProperties.Assault, Chaos.State> apply;

	private final ChaosProperties.Assault assault = new ChaosProperties.Assault();

	AssaultBuilder(String name, Function<ChaosProperties.Assault, Chaos.State> apply) {
		this.name = name;
		this.apply = apply;
	}

	/**
	 * Select the calls to attack. Without a target every call of every watched bean is
	 * attacked.
	 * @param target customizes the target
	 * @return this builder
	 */
	public AssaultBuilder target(Consumer<TargetBuilder> target) {
		target.accept(new TargetBuilder(this.assault.getTarget()));
		return this;
	}

	/**
	 * Throw a {@link ChaosException}.
	 * @return this builder
	 */
	public AssaultBuilder exception() {
		return effect(new ChaosProperties.ExceptionEffect());
	}

	/**
	 * Throw an exception of the given type.
	 * @param type the exception type
	 * @param message the message, after the {@code Chaos assault 'name':} prefix
	 * @return this builder
	 */
	public AssaultBuilder exception(Class<? extends Throwable> type, String message) {
		ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
		exception.setType(type.getName());
		exception.setMessage(message);
		return effect(exception);
	}

	/**
	 * Delay each attacked call by the given time.
	 * @param delay the delay
	 * @return this builder
	 */
	public AssaultBuilder latency(Duration delay) {
		return latency(delay, delay);
	}

	/**
	 * Delay each attacked call by a random time between the bounds.
	 * @param min shortest delay
	 * @param max longest delay
	 * @return this builder
	 */
	public AssaultBuilder latency(Duration min, Duration max) {
		ChaosProperties.Latency latency = new ChaosProperties.Latency();
		latency.setMin(min);
		latency.setMax(max);
		return effect(latency);
	}

	/**
	 * Answer with an HTTP error status.
	 * @param status the status, 400 to 599
	 * @return this builder
	 */
	public AssaultBuilder errorResponse(int status) {
		ChaosProperties.ErrorResponse response = new ChaosProperties.ErrorResponse();
		response.setStatus(status);
		return effect(response);
	}

	/**
	 * Answer with an HTTP error status and a {@code Retry-After} header.
	 * @param status the status, 400 to 599
	 * @param retryAfter the value of {@code Retry-After}
	 * @return this builder
	 */
	public AssaultBuilder errorResponse(int status, Duration retryAfter) {
		ChaosProperties.ErrorResponse response = new ChaosProperties.ErrorResponse();
		response.setStatus(status);
		response.setRetryAfter(retryAfter);
		return effect(response);
	}

	/**
	 * Make the dependency a client, jdbc, cache, redis, kafka or rabbit target selects
	 * unreachable: the call fails as the real client fails when it cannot reach it.
	 * @return this builder
	 */
	public AssaultBuilder unavailable() {
		return effect(new ChaosProperties.Unavailable());
	}

	/**
	 * Make every get on the caches a cache target selects miss, so that the application's
	 * slow path runs.
	 * @return this builder
	 */
	public AssaultBuilder miss() {
		return effect(new ChaosProperties.Miss());
	}

	/**
	 * Hold all connections of the pools a jdbc target selects until chaos stops.
	 * @return this builder
	 */
	public AssaultBuilder poolExhaustion() {
		return effect(new ChaosProperties.PoolExhaustion());
	}

	/**
	 * Hold connections of the pools a jdbc target selects.
	 * @param connections how many
	 * @param hold for how long
	 * @return this builder
	 */
	public AssaultBuilder poolExhaustion(int connections, Duration hold) {
		ChaosProperties.PoolExhaustion exhaustion = new ChaosProperties.PoolExhaustion();
		exhaustion.setConnections(String.valueOf(connections));
		exhaustion.setHold(hold);
		return effect(exhaustion);
	}

	/**
	 * Stop the application. Refused unless {@code chaos.allow-kill=true} is set in the
	 * application's own configuration.
	 * @param mode {@code graceful} or {@code abrupt}
	 * @param exitCode the exit code
	 * @return this builder
	 */
	public AssaultBuilder kill(String mode, int exitCode) {
		ChaosProperties.Kill kill = new ChaosProperties.Kill();
		kill.setMode(mode);
		kill.setExitCode(exitCode);
		return effect(kill);
	}

	/**
	 * Set the probability that a matching call is attacked.
	 * @param probability from 0.0 to 1.0
	 * @return this builder
	 */
	public AssaultBuilder probability(double probability) {
		this.assault.setProbability(probability);
		return this;
	}

	/**
	 * Stop attacking after the given number of injections.
	 * @param maxInjections the limit
	 * @return this builder
	 */
	public AssaultBuilder maxInjections(long maxInjections) {
		this.assault.setMaxInjections(maxInjections);
		return this;
	}

	/**
	 * Switch this assault on or off without removing it.
	 * @param enabled whether the assault is active
	 * @return this builder
	 */
	public AssaultBuilder enabled(boolean enabled) {
		this.assault.setEnabled(enabled);
		return this;
	}

	private AssaultBuilder effect(Object effect) {
		this.assault.setException((effect instanceof ChaosProperties.ExceptionEffect e) ? e : null);
		this.assault.setLatency((effect instanceof ChaosProperties.Latency l) ? l : null);
		this.assault.setErrorResponse((effect instanceof ChaosProperties.ErrorResponse r) ? r : null);
		this.assault.setUnavailable((effect instanceof ChaosProperties.Unavailable u) ? u : null);
		this.assault.setMiss((effect instanceof ChaosProperties.Miss m) ? m : null);
		this.assault.setPoolExhaustion((effect instanceof ChaosProperties.PoolExhaustion p) ? p : null);
		this.assault.setKill((effect instanceof ChaosProperties.Kill k) ? k : null);
		return this;
	}

	/**
	 * Add the assault, or replace the assault of the same name. Does not switch chaos on:
	 * call {@link Chaos#enable()}.
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the assault is invalid; nothing changed
	 * then
	 */
	public Chaos.State apply() {
		return this.apply.apply(this.assault);
	}

	@Override
	public String toString() {
		return "AssaultBuilder '" + this.name + "'";
	}

}
