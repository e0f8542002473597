package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

import io.github.chaosstarter.engine.ChaosListener;
import io.github.chaosstarter.engine.RequestLedger;

/**
 * Carries the inbound request's {@link RequestLedger} onto the Reactor schedulers'
 * threads ({@code subscribeOn}, {@code publishOn}, {@code boundedElastic}): a task
 * scheduled while a ledger is bound runs with it bound. Tasks scheduled with no ledger
 * bound are left as they are. Installed once per JVM while chaos is on in at least one
 * application context: while it is off, Reactor schedules as if the starter were absent.
 *
 * @author Chaos Starter team
 */
final class LedgerSchedulerHook implements ChaosListener, DisposableBean {

	private static final String KEY = LedgerSchedulerHook.class.getName();

	private static int users;

	private boolean installed;

	@Override
	public void onChange(Change change) {
		use(change.enabled());
	}

	@Override
	public void destroy() {
		use(false);
	}

	private void use(boolean use) {
		synchronized (LedgerSchedulerHook.class) {
			if (use == this.installed) {
				return;
			}
			this.installed = use;
			if (use && users++ == 0) {
				Schedulers.onScheduleHook(KEY, LedgerSchedulerHook::decorate);
			}
			else if (!use && --users == 0) {
				Schedulers.resetOnScheduleHook(KEY);
			}
		}
	}

	private static Runnable decorate(Runnable task) {
		RequestLedger ledger = RequestLedger.current();
		return (ledger != null) ? new Bound(task, ledger) : task;
	}

	private record Bound(Runnable task, RequestLedger ledger) implements Runnable {

		@Override
		public void run() {
			@Nullable RequestLedger previous = RequestLedger.bind(this.ledger);
			try {
				this.task.run();
			}
			finally {
				RequestLedger.bind(previous);
			}
		}

	}

}
