package io.github.chaosstarter.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Switches chaos off when {@code chaos.duration} has elapsed: one timer for the planned
 * halt of the current state, replaced with every change. The scheduler is created when
 * first needed, or given (tests pass one they control).
 *
 * @author Chaos Starter team
 */
final class AutoHalt {

	private final Supplier<ScheduledExecutorService> schedulerFactory;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> planned;

	AutoHalt(Supplier<ScheduledExecutorService> schedulerFactory, Clock clock) {
		this.schedulerFactory = schedulerFactory;
		this.clock = clock;
	}

	static ScheduledExecutorService daemonScheduler() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "chaos-auto-halt");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * Plan the halt of a state, cancelling the previous plan. Called under the runtime's
	 * writers' lock.
	 * @param state the new state
	 * @param halt called with the state's version when its halt is due
	 */
	void plan(ChaosState state, LongConsumer halt) {
		if (this.planned != null) {
			this.planned.cancel(false);
			this.planned = null;
		}
		Instant haltAt = state.haltAt();
		if (haltAt == null) {
			return;
		}
		if (this.scheduler == null) {
			this.scheduler = this.schedulerFactory.get();
		}
		long delay = Math.max(0, haltAt.toEpochMilli() - this.clock.millis());
		long version = state.version();
		this.planned = this.scheduler.schedule(() -> halt.accept(version), delay, TimeUnit.MILLISECONDS);
	}

	void shutdown() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

}
