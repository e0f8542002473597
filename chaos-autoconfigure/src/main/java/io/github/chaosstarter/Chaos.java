package io.github.chaosstarter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.Assert;

import io.github.chaosstarter.config.InvalidChaosPropertyException;
import io.github.chaosstarter.control.ChaosChangeRequest;
import io.github.chaosstarter.control.ChaosUpdater;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReporter;
import io.github.chaosstarter.runtime.ChaosState;

/**
 * Runtime control of chaos from Java code, typically a JUnit 5 {@code @SpringBootTest}:
 * the same operations as the {@code chaos} actuator endpoint. Changes take the same path
 * as a {@code POST /actuator/chaos}: bound like {@code chaos.*} properties, validated as
 * at startup, applied all or nothing, and recorded in the audit log with the actor
 * {@code api}. <pre class="code">
 * chaos.assault("payments-down")
 *     .target((target) -&gt; target.beans("paymentService").methods("charge*"))
 *     .exception(IllegalStateException.class, "boom")
 *     .probability(0.5)
 *     .maxInjections(3)
 *     .apply();
 * chaos.enable();
 * </pre>
 *
 * @author Chaos Starter team
 */
public class Chaos {

	/** Actor recorded for changes made through this API. */
	public static final String ACTOR = "api";

	private final ChaosUpdater updater;

	private final ObjectProvider<ResilienceReporter> reporter;

	/**
	 * Create a new instance.
	 * @param updater applies changes
	 * @param reporter the resilience reporter, if any
	 */
	public Chaos(ChaosUpdater updater, ObjectProvider<ResilienceReporter> reporter) {
		this.updater = updater;
		this.reporter = reporter;
	}

	/**
	 * Switch chaos on, keeping the assaults.
	 * @return the new state
	 */
	public ChaosState enable() {
		return apply(ChaosChangeRequest.enabled(true), "Chaos.enable()");
	}

	/**
	 * Switch chaos off, keeping the assaults.
	 * @return the new state
	 */
	public ChaosState disable() {
		return apply(ChaosChangeRequest.enabled(false), "Chaos.disable()");
	}

	/**
	 * Switch chaos off and restore the assaults of the application's own configuration.
	 * @return the new state
	 */
	public ChaosState halt() {
		return this.updater.runtime().halt(ACTOR, "Chaos.halt()");
	}

	/**
	 * Return the current state, with per-assault counters.
	 * @return the state
	 */
	public ChaosState state() {
		return this.updater.runtime().current();
	}

	/**
	 * Start describing an assault that is added, or replaces the assault of that name,
	 * when {@link AssaultBuilder#apply()} is called.
	 * @param name the assault's name
	 * @return a builder
	 */
	public AssaultBuilder assault(String name) {
		return new AssaultBuilder(this, name);
	}

	/**
	 * Remove an assault.
	 * @param name the assault's name
	 * @return the new state
	 */
	public ChaosState remove(String name) {
		return apply(ChaosChangeRequest.removeAssault(name), "Chaos.remove('" + name + "')");
	}

	/**
	 * Apply a change written as for {@code POST /actuator/chaos}.
	 * @param request the change
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the change is invalid; nothing changed
	 * then
	 */
	public ChaosState apply(ChaosChangeRequest request) {
		return apply(request, "Chaos.apply()");
	}

	private ChaosState apply(ChaosChangeRequest request, String description) {
		return this.updater.apply(request, ACTOR, description);
	}

	/**
	 * Return the resilience report of the current experiment.
	 * @return the report
	 * @throws IllegalStateException when no {@link ResilienceReporter} exists
	 */
	public ResilienceReport report() {
		return reporter().report();
	}

	/**
	 * Start a new, empty resilience report.
	 * @throws IllegalStateException when no {@link ResilienceReporter} exists
	 */
	public void resetReport() {
		reporter().reset();
	}

	private ResilienceReporter reporter() {
		ResilienceReporter reporter = this.reporter.getIfAvailable();
		if (reporter == null) {
			throw new IllegalStateException("No resilience report is available: no ResilienceReporter bean exists. "
					+ "The report is built when Resilience4j (resilience4j-spring-boot3 or -boot4) is on the class path");
		}
		return reporter;
	}

	/**
	 * Describes one assault with the names of the {@code chaos.assaults.<name>.*}
	 * properties.
	 */
	public static final class AssaultBuilder {

		private final Chaos chaos;

		private final String name;

		private final Map<String, Object> values = new LinkedHashMap<>();

		private AssaultBuilder(Chaos chaos, String name) {
			this.chaos = chaos;
			this.name = name;
		}

		/**
		 * Select the calls to attack. Without a target every call of every watched bean
		 * is attacked.
		 * @param target customizes the target
		 * @return this builder
		 */
		public AssaultBuilder target(Consumer<TargetBuilder> target) {
			TargetBuilder builder = new TargetBuilder();
			target.accept(builder);
			this.values.put("target", builder.values);
			return this;
		}

		/**
		 * Throw a {@link ChaosException}.
		 * @return this builder
		 */
		public AssaultBuilder exception() {
			return exception(ChaosException.class, "injected failure");
		}

		/**
		 * Throw an exception of the given type.
		 * @param type the exception type
		 * @param message the message, after the {@code Chaos assault 'name':} prefix
		 * @return this builder
		 */
		public AssaultBuilder exception(Class<? extends Throwable> type, String message) {
			return effect("exception", Map.of("type", type.getName(), "message", message));
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
			return effect("latency", Map.of("min", min.toString(), "max", max.toString()));
		}

		/**
		 * Answer with an HTTP error status.
		 * @param status the status, 400 to 599
		 * @return this builder
		 */
		public AssaultBuilder errorResponse(int status) {
			return effect("error-response", Map.of("status", status));
		}

		/**
		 * Answer with an HTTP error status and a {@code Retry-After} header.
		 * @param status the status, 400 to 599
		 * @param retryAfter the value of {@code Retry-After}
		 * @return this builder
		 */
		public AssaultBuilder errorResponse(int status, Duration retryAfter) {
			return effect("error-response", Map.of("status", status, "retry-after", retryAfter.toString()));
		}

		/**
		 * Stop the application. Refused unless {@code chaos.allow-kill=true} is set in
		 * the application's own configuration.
		 * @param mode {@code graceful} or {@code abrupt}
		 * @param exitCode the exit code
		 * @return this builder
		 */
		public AssaultBuilder kill(String mode, int exitCode) {
			return effect("kill", Map.of("mode", mode, "exit-code", exitCode));
		}

		/**
		 * Set the probability that a matching call is attacked.
		 * @param probability from 0.0 to 1.0
		 * @return this builder
		 */
		public AssaultBuilder probability(double probability) {
			this.values.put("probability", probability);
			return this;
		}

		/**
		 * Stop attacking after the given number of injections.
		 * @param maxInjections the limit
		 * @return this builder
		 */
		public AssaultBuilder maxInjections(long maxInjections) {
			this.values.put("max-injections", maxInjections);
			return this;
		}

		/**
		 * Switch this assault on or off without removing it.
		 * @param enabled whether the assault is active
		 * @return this builder
		 */
		public AssaultBuilder enabled(boolean enabled) {
			this.values.put("enabled", enabled);
			return this;
		}

		private AssaultBuilder effect(String kind, Map<String, Object> settings) {
			this.values.remove("exception");
			this.values.remove("latency");
			this.values.remove("error-response");
			this.values.remove("kill");
			this.values.put(kind, settings);
			return this;
		}

		/**
		 * Add the assault, or replace the assault of the same name. Does not switch chaos
		 * on: call {@link Chaos#enable()}.
		 * @return the new state
		 * @throws InvalidChaosPropertyException when the assault is invalid; nothing
		 * changed then
		 */
		public ChaosState apply() {
			return this.chaos.apply(ChaosChangeRequest.assault(this.name, this.values),
					"Chaos.assault('" + this.name + "').apply()");
		}

	}

	/**
	 * Describes which calls an assault attacks, with the names of the
	 * {@code chaos.assaults.<name>.target.*} properties. All given conditions must hold.
	 */
	public static final class TargetBuilder {

		private final Map<String, Object> values = new LinkedHashMap<>();

		private TargetBuilder() {
		}

		/**
		 * Select beans by kind: {@code service}, {@code repository},
		 * {@code rest-controller}, {@code controller}, {@code component}.
		 * @param kinds the kinds
		 * @return this builder
		 */
		public TargetBuilder kinds(String... kinds) {
			return list(this.values, "kinds", kinds);
		}

		/**
		 * Select beans by name.
		 * @param beans bean names
		 * @return this builder
		 */
		public TargetBuilder beans(String... beans) {
			return list(this.values, "beans", beans);
		}

		/**
		 * Select beans by class: fully qualified names or Ant-style patterns such as
		 * {@code com.acme.**.*Client}.
		 * @param classes the class names or patterns
		 * @return this builder
		 */
		public TargetBuilder classes(String... classes) {
			return list(this.values, "classes", classes);
		}

		/**
		 * Select methods by name pattern such as {@code charge*}.
		 * @param methods the patterns
		 * @return this builder
		 */
		public TargetBuilder methods(String... methods) {
			return list(this.values, "methods", methods);
		}

		/**
		 * Select calls made while serving matching HTTP requests.
		 * @param http customizes the request conditions
		 * @return this builder
		 */
		public TargetBuilder http(Consumer<HttpBuilder> http) {
			HttpBuilder builder = new HttpBuilder();
			http.accept(builder);
			this.values.put("http", builder.values);
			return this;
		}

		/**
		 * Select calls made for the given authenticated users.
		 * @param principals user names
		 * @return this builder
		 */
		public TargetBuilder principal(String... principals) {
			return list(this.values, "principal", principals);
		}

		/**
		 * Select outbound HTTP calls instead of bean calls.
		 * @param client customizes the outbound call conditions
		 * @return this builder
		 */
		public TargetBuilder client(Consumer<ClientBuilder> client) {
			ClientBuilder builder = new ClientBuilder();
			client.accept(builder);
			this.values.put("client", builder.values);
			return this;
		}

		private TargetBuilder list(Map<String, Object> values, String key, String[] items) {
			putList(values, key, items);
			return this;
		}

	}

	/**
	 * Conditions on the inbound HTTP request.
	 */
	public static final class HttpBuilder {

		private final Map<String, Object> values = new LinkedHashMap<>();

		private final Map<String, Object> headers = new LinkedHashMap<>();

		private HttpBuilder() {
		}

		/**
		 * Select requests by path pattern such as {@code /api/orders/**}.
		 * @param paths the patterns
		 * @return this builder
		 */
		public HttpBuilder paths(String... paths) {
			putList(this.values, "paths", paths);
			return this;
		}

		/**
		 * Select requests by HTTP method.
		 * @param methods the methods such as {@code POST}
		 * @return this builder
		 */
		public HttpBuilder methods(String... methods) {
			putList(this.values, "methods", methods);
			return this;
		}

		/**
		 * Select requests carrying a header with exactly the given value.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public HttpBuilder header(String name, String value) {
			this.headers.put(name, value);
			this.values.put("headers", this.headers);
			return this;
		}

	}

	/**
	 * Conditions on an outbound HTTP call.
	 */
	public static final class ClientBuilder {

		private final Map<String, Object> values = new LinkedHashMap<>();

		private ClientBuilder() {
		}

		/**
		 * Select calls by host, exact or with a leading wildcard such as
		 * {@code *.example.com}.
		 * @param hosts the hosts
		 * @return this builder
		 */
		public ClientBuilder hosts(String... hosts) {
			putList(this.values, "hosts", hosts);
			return this;
		}

		/**
		 * Select calls by path pattern.
		 * @param paths the patterns
		 * @return this builder
		 */
		public ClientBuilder paths(String... paths) {
			putList(this.values, "paths", paths);
			return this;
		}

		/**
		 * Select calls by HTTP method.
		 * @param methods the methods
		 * @return this builder
		 */
		public ClientBuilder methods(String... methods) {
			putList(this.values, "methods", methods);
			return this;
		}

	}

	private static void putList(Map<String, Object> values, String key, String[] items) {
		Assert.notNull(items, "'items' must not be null");
		List<String> list = new ArrayList<>(Arrays.asList(items));
		values.put(key, list);
	}

}
