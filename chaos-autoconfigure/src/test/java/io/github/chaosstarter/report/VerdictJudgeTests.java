package io.github.chaosstarter.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.chaosstarter.report.Experiment.Attacked;
import io.github.chaosstarter.report.Experiment.BreakerStats;
import io.github.chaosstarter.report.Experiment.FallbackKey;
import io.github.chaosstarter.report.Experiment.FallbackStats;
import io.github.chaosstarter.report.Experiment.RetryStats;
import io.github.chaosstarter.report.Experiment.TimeLimiterStats;
import io.github.chaosstarter.report.ResilienceReport.Transition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts, reasons and warnings of the plain verdict logic, without Spring or
 * Resilience4j.
 */
class VerdictJudgeTests {

	private static final InstanceSettings.BreakerSettings BREAKER = new InstanceSettings.BreakerSettings(5, 50, 10,
			true, (failure) -> true, (failure) -> false, Duration.ofSeconds(60), 100);

	@Test
	void breakerWithFailuresBelowTheThresholdDidNotReactNamingTheThreshold() {
		BreakerStats stats = new BreakerStats();
		stats.reached.set(6);
		stats.failures.set(6);
		var report = judge(settings()).circuitBreaker("payments", stats, "CLOSED", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("circuit breaker `payments` saw 6 injected failures but its failure "
				+ "rate stayed below failureRateThreshold=50% (slidingWindowSize=10 calls)");
	}

	@Test
	void breakerWithInjectedLatencyBelowTheSlowCallThresholdDidNotReact() {
		BreakerStats stats = new BreakerStats();
		stats.delays.set(6);
		stats.longestDelayNanos.set(Duration.ofMillis(300).toNanos());
		var report = judge(settings()).circuitBreaker("payments", stats, "CLOSED", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("the injected latency of at most 300ms is below "
				+ "slowCallDurationThreshold=60000ms of circuit breaker `payments`");
	}

	@Test
	void breakerThatOpenedBeforeAnyInjectedFailureDidNotReact() {
		BreakerStats stats = new BreakerStats();
		stats.reached.set(2);
		stats.transitions.add(new Transition("CLOSED", "OPEN", Instant.now(), 0));
		var report = judge(settings()).circuitBreaker("payments", stats, "CLOSED", List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
	}

	@Test
	void breakerWithoutFallbackOnRestControllerIsAWarning() {
		Experiment experiment = new Experiment(Instant.now(), Map.of());
		experiment.attacked.put(Object.class.getMethods()[0], new Attacked("OrderController.place",
				List.of(new Guard(Guard.Kind.CIRCUIT_BREAKER, "orders", "")), true));
		ResilienceReport report = judge(settings()).judge(experiment);
		assertThat(report.circuitBreaker("orders").warnings()).containsExactly("guards OrderController.place of a "
				+ "@RestController without a fallbackMethod: while it is open callers get CallNotPermittedException "
				+ "(an error response)");
	}

	@Test
	void retryInsideItsBreakerIsNoWarning() {
		Experiment experiment = new Experiment(Instant.now(), Map.of());
		experiment.attacked.put(Object.class.getMethods()[0],
				new Attacked("OrderService.place", List.of(new Guard(Guard.Kind.CIRCUIT_BREAKER, "orders", "fallback"),
						new Guard(Guard.Kind.RETRY, "orders", "")), false));
		InstanceSettings settings = new TestSettings(new int[] { 400, 300 }, null);
		ResilienceReport report = judge(settings).judge(experiment);
		assertThat(report.circuitBreaker("orders").warnings()).isEmpty();
		assertThat(report.retry("orders").warnings()).isEmpty();
	}

	@Test
	void retryWithOneAttemptDidNotReact() {
		RetryStats stats = new RetryStats();
		stats.reached.set(3);
		var config = new InstanceSettings.RetrySettings(1, (failure) -> true, null, (failure) -> "retryExceptions");
		var report = judge(settings()).retry("inventory", stats, config, List.of());
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("retry `inventory` has maxAttempts=1: it never retries");
	}

	@Test
	void retryThatIgnoresTheExceptionNamesIgnoreExceptions() {
		RetryStats stats = new RetryStats();
		stats.ignored.add(new IllegalStateException(), "ignoreExceptions");
		var report = judge(settings()).retry("inventory", stats, null, List.of());
		assertThat(report.reason())
			.isEqualTo("retry `inventory` does not retry java.lang.IllegalStateException (ignoreExceptions)");
	}

	@Test
	void fixedWaitWithoutJitterIsAWarning() {
		var config = new InstanceSettings.RetrySettings(3, (failure) -> true, Duration.ofMillis(500),
				(failure) -> "retryExceptions");
		InstanceSettings settings = new TestSettings(null, config);
		ResilienceReport report = judge(settings).judge(new Experiment(Instant.now(), Map.of()));
		assertThat(report.retry("inventory").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.retry("inventory").warnings()).containsExactly("fixed wait of 500ms without backoff or "
				+ "jitter: retry storm risk (enableExponentialBackoff, enableRandomizedWait)");
	}

	@Test
	void latencyWithinTheTimeoutDoesNotExerciseTheTimeLimiter() {
		TimeLimiterStats stats = new TimeLimiterStats();
		stats.latencyInjections.set(3);
		stats.longestDelayNanos.set(Duration.ofMillis(100).toNanos());
		var report = judge(settings()).timeLimiter("pricing", stats, Duration.ofSeconds(1));
		assertThat(report.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.reason()).isEqualTo(
				"injected latency of at most 100ms stays within timeoutDuration=1000ms of time limiter `pricing`");
	}

	@Test
	void latencyBeyondTheTimeoutWithoutTimeoutsDidNotReact() {
		TimeLimiterStats stats = new TimeLimiterStats();
		stats.latencyInjections.set(2);
		stats.longestDelayNanos.set(Duration.ofSeconds(2).toNanos());
		var report = judge(settings()).timeLimiter("pricing", stats, Duration.ofSeconds(1));
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("time limiter `pricing` saw 2 injected delays of up to 2000ms, longer "
				+ "than timeoutDuration=1000ms, and timed out none");
	}

	@Test
	void fallbackThatLetTheInjectedFailureThroughDidNotReact() {
		FallbackStats stats = new FallbackStats();
		stats.reached.set(2);
		stats.passedThrough.add(new IllegalStateException());
		var report = judge(settings()).fallback(new FallbackKey("OrderService.place", "placeFallback"), stats);
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.reason()).isEqualTo("fallback `placeFallback` of OrderService.place served none of 2 "
				+ "injected failures: the injected java.lang.IllegalStateException reached the caller (does a "
				+ "fallback method accept it as its last parameter?)");
	}

	@Test
	void verdictGaugeCountsEveryMechanism() {
		ResilienceReport report = judge(new TestSettings(null, null)).judge(new Experiment(Instant.now(), Map.of()));
		assertThat(ReportMetrics.count(report, Verdict.NOT_EXERCISED)).isEqualTo(2);
		assertThat(ReportMetrics.count(report, Verdict.REACTED)).isZero();
	}

	private static VerdictJudge judge(InstanceSettings settings) {
		return new VerdictJudge(settings);
	}

	private static InstanceSettings settings() {
		return new TestSettings(new int[] { 1, 2 }, null);
	}

	private record TestSettings(int @Nullable [] orders,
			InstanceSettings.@Nullable RetrySettings retrySettings) implements InstanceSettings {

		@Override
		public Set<String> circuitBreakers() {
			return Set.of("payments");
		}

		@Override
		public Set<String> retries() {
			return Set.of("inventory");
		}

		@Override
		public @Nullable BreakerSettings breaker(String name) {
			return BREAKER;
		}

		@Override
		public @Nullable RetrySettings retry(String name) {
			return this.retrySettings;
		}

		@Override
		public int @Nullable [] retryAndBreakerOrder() {
			return this.orders;
		}

	}

}
