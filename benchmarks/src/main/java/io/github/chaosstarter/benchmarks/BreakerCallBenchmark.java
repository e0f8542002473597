package io.github.chaosstarter.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.breaker.BreakerApplication;
import io.github.chaosstarter.benchmarks.breaker.GuardedService;

/**
 * The cost of one call through a Resilience4j circuit breaker, as the report observes it:
 * without the starter; with the starter before chaos was ever on (no event consumer
 * registered); after chaos was on once and switched off (Resilience4j now builds an event
 * per call, which the starter ignores); and with chaos on and an assault on another bean
 * (every event is attributed: the call carried no injected fault). Each on a method with
 * the breaker alone ({@code score}) and on one whose breaker has a fallback method
 * ({@code scoreOrNone}: the starter watches the call for an injected failure the fallback
 * answers).
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreakerCallBenchmark {

	@Param({ "g_breakerWithoutStarter", "h_breakerStarterNeverOn", "i_breakerStarterWasOn",
			"j_breakerStarterOnOtherBean" })
	public String variant = "g_breakerWithoutStarter";

	@Param({ "score", "scoreOrNone" })
	public String method = "score";

	private boolean fallback;

	private ConfigurableApplicationContext context;

	private GuardedService service;

	private String name = "chaos";

	@Setup(Level.Trial)
	public void start() {
		boolean starter = !this.variant.startsWith("g_");
		this.context = BreakerApplication.start(starter,
				Map.of("chaos.enabled", "false", "chaos.assaults.elsewhere.target.beans", "unguardedService",
						"chaos.assaults.elsewhere.exception.message", "x"));
		this.service = this.context.getBean(GuardedService.class);
		this.fallback = "scoreOrNone".equals(this.method);
		if (starter != (this.context.getBeanNamesForType(Chaos.class).length > 0)) {
			throw new IllegalStateException("Variant " + this.variant + (starter ? " lacks" : " has") + " the starter");
		}
		if (this.variant.startsWith("i_") || this.variant.startsWith("j_")) {
			Chaos chaos = this.context.getBean(Chaos.class);
			chaos.enable();
			if (this.variant.startsWith("i_")) {
				chaos.disable();
			}
		}
		for (int i = 0; i < 10_000; i++) {
			score();
		}
		long calls = this.context.getBean(CircuitBreakerRegistry.class)
			.circuitBreaker("guarded")
			.getMetrics()
			.getNumberOfSuccessfulCalls();
		if (calls < 100) {
			throw new IllegalStateException("Variant " + this.variant + " did not call through the breaker");
		}
		if (this.variant.startsWith("j_")) {
			Chaos chaos = this.context.getBean(Chaos.class);
			if (!chaos.state().enabled() || chaos.report().circuitBreaker("guarded") == null) {
				throw new IllegalStateException("Variant " + this.variant + " does not observe the breaker");
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void call(Blackhole blackhole) {
		blackhole.consume(score());
	}

	private int score() {
		return this.fallback ? this.service.scoreOrNone(this.name) : this.service.score(this.name);
	}

	/**
	 * Start every variant once and call it: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		for (String variant : List.of("g_breakerWithoutStarter", "h_breakerStarterNeverOn", "i_breakerStarterWasOn",
				"j_breakerStarterOnOtherBean")) {
			for (String method : List.of("score", "scoreOrNone")) {
				BreakerCallBenchmark benchmark = new BreakerCallBenchmark();
				benchmark.variant = variant;
				benchmark.method = method;
				benchmark.start();
				System.out.println(variant + " " + method + ": ok");
				benchmark.stop();
			}
		}
	}

}
