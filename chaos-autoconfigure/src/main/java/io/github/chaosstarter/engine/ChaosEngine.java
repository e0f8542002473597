package io.github.chaosstarter.engine;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * The one service behind the {@link Chaos} API and the endpoints, asked by the web and
 * HTTP client adapters per request and call: one volatile read while chaos is off.
 *
 * @author Chaos Starter team
 */
public final class ChaosEngine implements SmartInitializingSingleton, DisposableBean {

	final ChaosRuntime runtime;

	private final ChangeBinder binder;

	private final SpecCompiler compiler;

	private final ChaosGuard guard;

	private final StateView view;

	private final ObjectProvider<ChaosListener> listeners;

	private final ObjectProvider<RequestFacts.Source> requests;

	private final JdbcChaos jdbc;

	ChaosEngine(ChaosRuntime runtime, SpecCompiler compiler, StateView view, ObjectProvider<ChaosListener> listeners,
			ObjectProvider<RequestFacts.Source> requests) {
		this.runtime = runtime;
		this.binder = new ChangeBinder(compiler);
		this.compiler = compiler;
		this.guard = new ChaosGuard(runtime);
		this.view = view;
		this.listeners = listeners;
		this.requests = requests;
		this.jdbc = new JdbcChaos(runtime);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.runtime.start(this.listeners.orderedStream().toList(),
				this.requests.getIfAvailable(() -> RequestFacts.Source.NONE));
		ChaosStartupReport.log(state(), this.view.kinds());
	}

	@Override
	public void destroy() {
		this.runtime.stop();
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public Chaos.State state() {
		return this.view.describe(this.runtime.current(), this.runtime.history());
	}

	/**
	 * Apply a change written as the body of {@code POST /actuator/chaos}.
	 * @param change the change, with the structure of the {@code chaos.*} properties
	 * @param actor who makes it
	 * @param description how it arrives
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the change is invalid (nothing changed)
	 */
	public Chaos.State change(Map<String, ?> change, String actor, String description) {
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> given = (Map<String, @Nullable Object>) change;
		return describe(this.runtime.update((current) -> this.binder.merge(current, given), actor, description));
	}

	/**
	 * Add, replace or remove one assault.
	 * @param name the assault's name
	 * @param assault the assault, or {@code null} to remove it
	 * @param actor who makes the change
	 * @param description how it arrives
	 * @return the new state
	 * @throws InvalidChaosPropertyException when the assault is invalid (nothing changed)
	 */
	public Chaos.State put(String name, ChaosProperties.@Nullable Assault assault, String actor, String description) {
		AssaultSpec spec = (assault != null) ? this.compiler.assault(name, assault) : null;
		return describe(this.runtime.update((current) -> {
			ChaosSpec next = current.withAssault(name, spec);
			SpecCompiler.count(next.assaults());
			return next;
		}, actor, description));
	}

	/**
	 * Stop the application now, checked (chaos.allow-kill) and audited as a kill assault.
	 * @param name the name the kill is audited under
	 * @param kill how to stop
	 * @param actor who kills
	 * @param description how the kill arrives
	 * @throws InvalidChaosPropertyException when the kill is refused (nothing happens)
	 */
	public void kill(String name, ChaosProperties.Kill kill, String actor, String description) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.setKill(kill);
		AssaultSpec.KillSpec spec = (AssaultSpec.KillSpec) this.compiler.assault(name, assault).effect();
		this.runtime.update((current) -> current, actor, description).dispatch().kill(name, spec);
	}

	/**
	 * Switch chaos off and restore every runtime-settable value of the application's own
	 * configuration.
	 * @param actor who halts
	 * @param description how the halt arrives
	 * @return the new state
	 */
	public Chaos.State halt(String actor, String description) {
		return describe(this.runtime.halt(actor, description));
	}

	private Chaos.State describe(ChaosState state) {
		return this.view.describe(state, this.runtime.history());
	}

	/**
	 * Return whether chaos is on.
	 * @return {@code true} while chaos is on
	 */
	public boolean enabled() {
		return this.runtime.current().enabled();
	}

	/**
	 * Return whether a request-only assault may strike inbound requests now (chaos on).
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean requestChaos() {
		return this.runtime.current().requestChaos();
	}

	/**
	 * Return whether an enabled assault has request conditions (http, principal).
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean requestConditions() {
		return this.runtime.current().requestConditions();
	}

	/**
	 * Return whether an enabled assault selects requests by principal (resolve it first).
	 * @return {@code true} when a principal condition is active
	 */
	public boolean needsPrincipal() {
		return this.runtime.current().needsPrincipal();
	}

	/**
	 * Decide for one inbound request: the request-only assaults.
	 * @param request the request
	 * @return the strike, or {@code null} when the request proceeds untouched
	 */
	public @Nullable Strike strikeRequest(RequestFacts request) {
		ChaosState state = this.runtime.current();
		if (!state.requestChaos() || request.management()) {
			return null;
		}
		return Strike.decide(state, state.requestAssaults(), new Sites.Request(request));
	}

	/**
	 * Return whether a client assault may strike outbound calls now (chaos on).
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean clientChaos() {
		return this.runtime.current().clientChaos();
	}

	/**
	 * Decide for one outbound HTTP call.
	 * @param method the upper-case HTTP method
	 * @param uri the URI
	 * @return the strike, or {@code null} when the call proceeds untouched
	 */
	public @Nullable Strike strikeClient(String method, URI uri) {
		ChaosState state = this.runtime.current();
		if (!state.clientChaos()) {
			return null;
		}
		return Strike.decide(state, state.clientAssaults(), new Sites.Client(method, uri));
	}

	/**
	 * Return what the data source decorators ask per connection and statement.
	 * @return the jdbc side of the engine
	 */
	public JdbcChaos jdbc() {
		return this.jdbc;
	}

	/**
	 * Return whether HTTP server responses are recorded now: while chaos is on (guard,
	 * report) and while a hypothesis is set (its baseline).
	 * @return {@code true} when responses must be reported
	 */
	public boolean recording() {
		ChaosState state = this.runtime.current();
		return state.enabled() || state.spec().hypothesis() != null;
	}

	/**
	 * Return whether chaos is on, so that {@link #served} applies.
	 * @return {@code true} while chaos is on
	 */
	public boolean recordingChaos() {
		return this.runtime.current().enabled();
	}

	/**
	 * Return whether a request arriving while chaos is off counts in the baseline.
	 * @param path the request path within the application
	 * @return {@code true} when a hypothesis is set and counts the path
	 */
	public boolean recordsBaseline(String path) {
		ChaosSpec.HypothesisSpec hypothesis = this.runtime.current().spec().hypothesis();
		return hypothesis != null && HypothesisPaths.matches(hypothesis, path);
	}

	/**
	 * Report one HTTP server response served while chaos was off (never an actuator
	 * endpoint's) for the hypothesis' baseline; allocates nothing without its paths.
	 * @param path the request path within the application
	 * @param status the response status
	 * @param nanos how long the response took
	 */
	public void servedBeforeChaos(String path, int status, long nanos) {
		ChaosState state = this.runtime.current();
		ChaosSpec.HypothesisSpec hypothesis = state.spec().hypothesis();
		if (hypothesis != null && HypothesisPaths.matches(hypothesis, path)) {
			state.dispatch().baseline(status, nanos);
		}
	}

	/**
	 * Report one HTTP server response served while chaos was on (never one of an actuator
	 * endpoint), to the guard and the report.
	 * @param method the request's HTTP method
	 * @param path the request path within the application
	 * @param pattern the best-matching route pattern, or {@code null} when no handler
	 * matched
	 * @param status the response status
	 * @param nanos how long the response took
	 * @param injected whether an injected failure reached the caller in this response
	 * @param body a prefix of the response body when an injected failure reached the
	 * caller and the body was read, else {@code null}
	 * @param ledger the dependencies the request called with injected faults, or
	 * {@code null}
	 */
	public void served(String method, String path, @Nullable String pattern, int status, long nanos, boolean injected,
			@Nullable String body, @Nullable RequestLedger ledger) {
		this.guard.record(status);
		ChaosState state = this.runtime.current();
		if (!state.enabled() || !state.dispatch().hasListeners()) {
			return;
		}
		ChaosSpec.HypothesisSpec hypothesis = state.spec().hypothesis();
		boolean counted = hypothesis != null && HypothesisPaths.matches(hypothesis, path);
		state.dispatch().served(method, pattern, counted, status, nanos, injected, body, ledger);
	}

	/**
	 * Write a duration as in configuration files, whatever its size: {@code 30s},
	 * {@code 200ms}, {@code 2m}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(java.time.Duration duration) {
		return SpecCompiler.format(duration);
	}

	/**
	 * Name a method as reports and logs show it: {@code SimpleClassName.method}, with the
	 * parameter types when the class has several public methods of that name.
	 * @param type the bean's user class
	 * @param method the method
	 * @return the name, e.g. {@code OwnerRepository.findAll(Pageable)}
	 */
	public static String describe(Class<?> type, java.lang.reflect.Method method) {
		return BeanInfo.shortName(type, method);
	}

}
