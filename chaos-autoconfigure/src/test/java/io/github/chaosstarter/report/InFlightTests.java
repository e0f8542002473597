package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.engine.ChaosListener.Injection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link InFlight}: which injected delay explains which timeout or slow
 * call. Times are given, not measured.
 */
class InFlightTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long T0 = 1_000_000 * MS;

	private final InFlight delays = new InFlight();

	@Test
	void aDelayLongerThanTheTimeoutExplainsTheTimeoutDueAtItsStartPlusTheTimeout() {
		this.delays.add(delay(T0, 1500));
		assertThat(this.delays.takeTimeout(T0 + 100 * MS, 500 * MS)).as("not due yet").isFalse();
		assertThat(this.delays.takeTimeout(T0 + 510 * MS, 500 * MS)).isTrue();
		assertThat(this.delays.takeTimeout(T0 + 520 * MS, 500 * MS)).as("each delay explains one timeout").isFalse();
	}

	@Test
	void aDelayWithinTheTimeoutExplainsNoTimeout() {
		this.delays.add(delay(T0, 400));
		assertThat(this.delays.takeTimeout(T0 + 500 * MS, 500 * MS)).isFalse();
	}

	@Test
	void aDelayTheCallerGaveUpOnExplainsNoLaterTimeout() {
		Injection injection = delay(T0, 1500);
		this.delays.add(injection);
		this.delays.cancelled(injection, T0 + 100 * MS);
		assertThat(this.delays.takeTimeout(T0 + 500 * MS, 500 * MS)).isFalse();
		assertThat(this.delays.takeCancelled(injection, T0 + 101 * MS, 500 * MS))
			.as("cancelled long before the limiter's timeout was due")
			.isFalse();
		assertThat(this.delays.holding(T0 + 200 * MS)).as("its permit is released").isFalse();
	}

	@Test
	void aDelayCancelledWhenTheTimeoutWasDueWasCutShortByTheLimiter() {
		Injection injection = delay(T0, 1500);
		this.delays.add(injection);
		this.delays.cancelled(injection, T0 + 500 * MS);
		assertThat(this.delays.takeCancelled(injection, T0 + 501 * MS, 500 * MS)).isTrue();
		assertThat(this.delays.takeCancelled(injection, T0 + 502 * MS, 500 * MS)).as("taken once").isFalse();
	}

	@Test
	void aCancelledDelayUnderAnotherLimiterIsNotTaken() {
		Injection elsewhere = delay(T0, 1500);
		this.delays.add(delay(T0, 1500));
		assertThat(this.delays.takeCancelled(elsewhere, T0 + 500 * MS, 500 * MS)).isFalse();
	}

	@Test
	void aSlowCallTakesTheDelayItCarried() {
		this.delays.add(delay(T0 + 2 * MS, 800));
		assertThat(this.delays.takeSlow(T0, 810 * MS, 300 * MS, 200 * MS)).isTrue();
		assertThat(this.delays.takeSlow(T0, 810 * MS, 300 * MS, 200 * MS)).as("taken once").isFalse();
	}

	@Test
	void aRealSlowCallCannotTakeADelayLongerThanItself() {
		this.delays.add(delay(T0, 1500));
		assertThat(this.delays.takeSlow(T0 + 10 * MS, 600 * MS, 300 * MS, 200 * MS)).isFalse();
		assertThat(this.delays.takeSlow(T0, 1510 * MS, 300 * MS, 200 * MS)).as("the delayed call itself").isTrue();
	}

	@Test
	void aCallThatWouldHaveBeenSlowWithoutItsDelayIsRealSlow() {
		this.delays.add(delay(T0, 100));
		assertThat(this.delays.takeSlow(T0, 900 * MS, 300 * MS, 200 * MS)).isFalse();
	}

	@Test
	void aDelayThatStartedLongAfterTheCallIsNotItsDelay() {
		this.delays.add(delay(T0 + 500 * MS, 400));
		assertThat(this.delays.takeSlow(T0, 1000 * MS, 300 * MS, 200 * MS)).isFalse();
	}

	@Test
	void holdingIsTrueOnlyWhileADelayRuns() {
		this.delays.add(delay(T0, 800));
		assertThat(this.delays.holding(T0 - MS)).isFalse();
		assertThat(this.delays.holding(T0 + 400 * MS)).isTrue();
		assertThat(this.delays.holding(T0 + 800 * MS)).isFalse();
	}

	@Test
	void theRingKeepsTheNewestDelays() {
		for (int i = 0; i < InFlight.CAPACITY + 10; i++) {
			this.delays.add(delay(T0 + i * MS, 1));
		}
		this.delays.add(delay(T0, 5000));
		assertThat(this.delays.holding(T0 + 4000 * MS)).isTrue();
		this.delays.clear();
		assertThat(this.delays.holding(T0 + 4000 * MS)).isFalse();
	}

	private static Injection delay(long start, long millis) {
		return new Injection("slow", "latency", "Service.call", null, null, null, null, null, millis * MS, false, start,
				Instant.EPOCH);
	}

}
