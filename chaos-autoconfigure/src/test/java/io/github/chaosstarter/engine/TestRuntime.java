package io.github.chaosstarter.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * A runtime for unit tests: a clock and a scheduler the test moves by hand, and listeners
 * that record what they are told.
 */
final class TestRuntime implements ChaosListener {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

	final ManualScheduler scheduler = new ManualScheduler();

	final SpecCompiler compiler;

	final ChaosStateHolder holder = new ChaosStateHolder();

	final ChaosRuntime runtime;

	final List<Injection> injections = new CopyOnWriteArrayList<>();

	final List<Change> changes = new CopyOnWriteArrayList<>();

	final List<String> kills = new CopyOnWriteArrayList<>();

	TestRuntime() {
		this(new ChaosProperties(), false);
	}

	TestRuntime(ChaosProperties properties, boolean allowKill) {
		this.compiler = new SpecCompiler(EnumSet.allOf(BeanKind.class), allowKill,
				new ExceptionTypes(getClass().getClassLoader(), List.of("io.github.chaosstarter")));
		Dispatch dispatch = new Dispatch(List.of(), (assault, kill) -> this.kills.add(assault), this.clock,
				RequestFacts.Source.NONE);
		this.runtime = new ChaosRuntime(this.holder, this.compiler.compile(properties), dispatch,
				new AutoHalt(() -> this.scheduler, this.clock), this.clock);
		this.runtime.start(List.of(this), RequestFacts.Source.NONE);
	}

	ChangeBinder binder() {
		return new ChangeBinder(this.compiler);
	}

	@Override
	public void onInjection(Injection injection) {
		this.injections.add(injection);
	}

	@Override
	public void onChange(Change change) {
		this.changes.add(change);
	}

	/**
	 * A clock the test moves.
	 */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/**
	 * A scheduler that runs nothing by itself: the test runs what is due.
	 */
	static final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

		final List<Task> tasks = new ArrayList<>();

		boolean shutdown;

		/**
		 * Run the tasks that are not cancelled, as if their delay had passed.
		 */
		void runDue() {
			for (Task task : List.copyOf(this.tasks)) {
				if (!task.isCancelled() && !task.done) {
					task.done = true;
					task.command.run();
				}
			}
		}

		List<Task> pending() {
			return this.tasks.stream().filter((task) -> !task.isCancelled() && !task.done).toList();
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			Task task = new Task(command, unit.toMillis(delay));
			this.tasks.add(task);
			return task;
		}

		@Override
		public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
				TimeUnit unit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void shutdown() {
			this.shutdown = true;
		}

		@Override
		public List<Runnable> shutdownNow() {
			this.shutdown = true;
			return List.of();
		}

		@Override
		public boolean isShutdown() {
			return this.shutdown;
		}

		@Override
		public boolean isTerminated() {
			return this.shutdown;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return true;
		}

		@Override
		public void execute(Runnable command) {
			command.run();
		}

		static final class Task implements ScheduledFuture<Object> {

			final Runnable command;

			final long delayMillis;

			private boolean cancelled;

			boolean done;

			Task(Runnable command, long delayMillis) {
				this.command = command;
				this.delayMillis = delayMillis;
			}

			@Override
			public long getDelay(TimeUnit unit) {
				return unit.convert(this.delayMillis, TimeUnit.MILLISECONDS);
			}

			@Override
			public int compareTo(Delayed other) {
				return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
			}

			@Override
			public boolean cancel(boolean mayInterruptIfRunning) {
				this.cancelled = true;
				return true;
			}

			@Override
			public boolean isCancelled() {
				return this.cancelled;
			}

			@Override
			public boolean isDone() {
				return this.done || this.cancelled;
			}

			@Override
			public Object get() {
				return null;
			}

			@Override
			public Object get(long timeout, TimeUnit unit) {
				return null;
			}

		}

	}

}
