package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a decided call reaches beyond the state: the listeners told of injections, the
 * kill handler, the clock and where the current request is found. Baked into every state
 * by the runtime, so that advised calls need nothing but the state they read.
 *
 * @author Chaos Starter team
 */
final class Dispatch {

	private static final Log logger = LogFactory.getLog(Dispatch.class);

	static final Dispatch NONE = new Dispatch(List.of(), (assault, kill) -> logger
		.warn("Chaos assault '" + assault + "' wanted to kill the application " + "but no kill handler is installed"),
			Clock.systemUTC(), RequestFacts.Source.NONE);

	private final ChaosListener[] listeners;

	private final KillHandler killHandler;

	private final Clock clock;

	private final RequestFacts.Source requests;

	Dispatch(List<ChaosListener> listeners, KillHandler killHandler, Clock clock, RequestFacts.Source requests) {
		this.listeners = listeners.toArray(new ChaosListener[0]);
		this.killHandler = killHandler;
		this.clock = clock;
		this.requests = requests;
	}

	Dispatch with(List<ChaosListener> listeners, RequestFacts.Source requests) {
		return new Dispatch(listeners, this.killHandler, this.clock, requests);
	}

	Clock clock() {
		return this.clock;
	}

	@Nullable RequestFacts currentRequest() {
		try {
			return this.requests.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Describe and report one injection, when anyone listens.
	 * @return the injection, or {@code null} when nobody listens
	 */
	ChaosListener.@Nullable Injection injected(Assault assault, InjectionSite site, @Nullable Throwable failure,
			long delayNanos, boolean dryRun) {
		ChaosListener.Dependency dependency = assault.dependency(site);
		if (dependency != null && !dryRun) {
			RequestLedger.called(dependency);
		}
		if (this.listeners.length == 0) {
			return null;
		}
		BeanInfo bean = site.bean();
		Method method = site.method();
		ChaosListener.Injection injection = new ChaosListener.Injection(assault.name(), assault.spec().effect().kind(),
				site.target(), (bean != null) ? bean.name() : null, (bean != null) ? bean.type() : null,
				(bean != null) ? bean.kind().id() : null, method, failure, delayNanos, dryRun, System.nanoTime(),
				this.clock.instant(), dependency);
		for (ChaosListener listener : this.listeners) {
			try {
				listener.onInjection(injection);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos listener " + listener + " failed", ex);
			}
		}
		return injection;
	}

	void cancelled(ChaosListener.@Nullable Injection injection) {
		if (injection == null) {
			return;
		}
		for (ChaosListener listener : this.listeners) {
			try {
				listener.onDelayCancelled(injection);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos listener " + listener + " failed", ex);
			}
		}
	}

	boolean hasListeners() {
		return this.listeners.length > 0;
	}

	void baseline(int status, long nanos) {
		for (ChaosListener listener : this.listeners) {
			try {
				listener.onBaseline(status, nanos);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos listener " + listener + " failed", ex);
			}
		}
	}

	void served(String method, @Nullable String pattern, boolean counted, int status, long nanos, boolean injected,
			@Nullable String body, @Nullable RequestLedger ledger) {
		ChaosListener.Served served = new ChaosListener.Served(method, pattern, counted, status, nanos, injected, body,
				this.clock.instant(), (ledger != null) ? ledger.dependencies() : List.of(),
				(ledger != null) ? ledger.degraded() : List.of());
		for (ChaosListener listener : this.listeners) {
			try {
				listener.onServed(served);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos listener " + listener + " failed", ex);
			}
		}
	}

	void changed(ChaosListener.Change change) {
		for (ChaosListener listener : this.listeners) {
			try {
				listener.onChange(change);
			}
			catch (RuntimeException ex) {
				logger.warn("Chaos listener " + listener + " failed", ex);
			}
		}
	}

	void kill(String assault, AssaultSpec.KillSpec kill) {
		this.killHandler.kill(assault, kill);
	}

}
