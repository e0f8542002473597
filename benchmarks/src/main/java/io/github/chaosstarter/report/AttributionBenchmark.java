package io.github.chaosstarter.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.breaker.BreakerApplication;
import io.github.chaosstarter.benchmarks.breaker.GuardedService;
import io.github.chaosstarter.engine.ChaosListener;
import io.github.chaosstarter.engine.ChaosListener.Injection;

/**
 * What attributing one call costs the report, measured on the report's own entry points
 * with what a real injected call hands them: the injection the engine announced (captured
 * from a real call of a {@code @CircuitBreaker} method carrying an injected exception)
 * and the circuit breaker's error event for the same exception. The end-to-end call costs
 * microseconds (the exception's stack trace), far more than the noise of this machine
 * lets a difference of nanoseconds show; here the report's share stands alone.
 * <ul>
 * <li>{@code a_floor}: hand the exception to a black hole;</li>
 * <li>{@code a_success}: the breaker's success event of a call without an injected fault
 * (nothing to attribute: counted);</li>
 * <li>{@code b_realFailure}: the breaker's error event for a failure without an injected
 * fault (attribution says no);</li>
 * <li>{@code c_injectedCall}: the engine's injection announcement and the breaker's error
 * event of the same call (attribution says yes and counts it), and each of the two alone
 * ({@code c1_injectionOnly}, {@code c2_injectedBreakerEventOnly});</li>
 * <li>{@code d_injectedFallback}: the fallback of that call asking whether its failure
 * was injected, and its outcome being counted.</li>
 * </ul>
 * Lives in the report's package to reach its package-private entry points.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AttributionBenchmark {

	private ConfigurableApplicationContext context;

	private ResilienceRecorder recorder;

	private ResilienceEvents events;

	private BreakerTrack breaker;

	private Injection injection;

	private Throwable injected;

	private Throwable real;

	@Setup(Level.Trial)
	public void start() {
		AtomicReference<Injection> announced = new AtomicReference<>();
		ChaosListener capture = new ChaosListener() {
			@Override
			public void onInjection(Injection injection) {
				announced.compareAndSet(null, injection);
			}
		};
		this.context = BreakerApplication.start(true,
				Map.of("chaos.enabled", "true", "chaos.assaults.guarded.target.classes", GuardedService.class.getName(),
						"chaos.assaults.guarded.exception.message", "injected"),
				(context) -> context.getBeanFactory().registerSingleton("captureInjection", capture));
		GuardedService service = this.context.getBean(GuardedService.class);
		try {
			service.score("chaos");
		}
		catch (RuntimeException ex) {
			this.injected = ex;
		}
		this.injection = announced.get();
		if (this.injection == null || this.injection.failure() != this.injected) {
			throw new IllegalStateException("The injection of the call was not announced: " + this.injection);
		}
		this.recorder = this.context.getBean(ResilienceRecorder.class);
		this.events = this.context.getBean(ResilienceEvents.class);
		// the track the observer hands the breaker's events in with
		this.breaker = this.recorder.breaker("guarded");
		this.real = new IllegalStateException("real");
		if (!this.events.injected(this.injected) || this.events.injected(this.real)) {
			throw new IllegalStateException("Attribution does not tell the injected failure from the real one");
		}
		if (!this.context.getBean(Chaos.class).state().enabled()) {
			throw new IllegalStateException("Chaos is off");
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void a_floor(Blackhole blackhole) {
		blackhole.consume(this.injected);
	}

	@Benchmark
	public void a_success() {
		this.events.breakerCall(this.breaker, 1_000, null);
	}

	@Benchmark
	public void b_realFailure() {
		this.events.breakerCall(this.breaker, 1_000, this.real);
	}

	@Benchmark
	public void c_injectedCall() {
		this.recorder.onInjection(this.injection);
		this.events.breakerCall(this.breaker, 1_000, this.injected);
	}

	@Benchmark
	public void c1_injectionOnly() {
		this.recorder.onInjection(this.injection);
	}

	@Benchmark
	public void c2_injectedBreakerEventOnly() {
		this.events.breakerCall(this.breaker, 1_000, this.injected);
	}

	@Benchmark
	public void d_injectedFallback(Blackhole blackhole) {
		blackhole.consume(this.events.injected(this.injected));
		this.events.fallbackOutcome("GuardedService.score", "fallback", this.injected, true);
	}

	/**
	 * Start once and call every benchmark method: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		AttributionBenchmark benchmark = new AttributionBenchmark();
		benchmark.start();
		benchmark.b_realFailure();
		benchmark.c_injectedCall();
		List.of(benchmark.recorder.report()).forEach(System.out::println);
		benchmark.stop();
	}

}
