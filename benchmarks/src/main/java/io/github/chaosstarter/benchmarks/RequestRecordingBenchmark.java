package io.github.chaosstarter.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.jdbc.PoolApplication;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * What the starter's web filters do for every request they record while chaos is off, as
 * {@code ChaosResponseFilter} and {@code ChaosResponseWebFilter} call it once the
 * response is known: ask whether anything records, then hand the response to the
 * hypothesis' baseline. Beside it, the floor (a field read) and the same call with no
 * hypothesis set (nothing records) or for a path outside the hypothesis.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestRecordingBenchmark {

	@Param({ "q_floor", "r_noHypothesis", "s_baselineRecorded", "t_pathOutsideHypothesis" })
	public String variant = "q_floor";

	private ConfigurableApplicationContext context;

	private ChaosEngine engine;

	private String path = "/api/orders/17";

	private long nanos = 1_234_567;

	private boolean floor;

	@Setup(Level.Trial)
	public void start() {
		this.context = PoolApplication.start();
		this.engine = this.context.getBean(ChaosEngine.class);
		this.floor = this.variant.startsWith("q_");
		if (this.variant.startsWith("s_") || this.variant.startsWith("t_")) {
			this.context.getBean(Chaos.class)
				.change(Map.of("hypothesis",
						Map.of("paths", List.of("/api/**"), "baseline", "5m", "max-error-rate", 0.05)));
		}
		if (this.variant.startsWith("t_")) {
			this.path = "/static/app.js";
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public boolean record() {
		if (this.floor) {
			return false;
		}
		if (!this.engine.recording()) {
			return false;
		}
		this.engine.servedBeforeChaos(this.path, 200, this.nanos);
		return true;
	}

	/**
	 * Start every variant once and record a request: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		for (String variant : List.of("q_floor", "r_noHypothesis", "s_baselineRecorded", "t_pathOutsideHypothesis")) {
			RequestRecordingBenchmark benchmark = new RequestRecordingBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			System.out.println(variant + ": recorded " + benchmark.record());
			benchmark.stop();
		}
	}

}
