package io.github.chaosstarter.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
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

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;
import io.github.chaosstarter.benchmarks.app.GreetingService;
import io.github.chaosstarter.benchmarks.aspect.NoOpAdvisorConfiguration;
import io.github.chaosstarter.benchmarks.aspect.NoOpAspectConfiguration;
import io.github.chaosstarter.Chaos;

/**
 * The cost of one call of a trivial {@code @Service} method, per variant: the plain
 * object, the floor any proxy costs, Chaos Starter in its idle and deciding states, and
 * Chaos Monkey for Spring Boot 4.0.0 watching the same bean. Each variant is a real
 * Spring Boot context started once per trial, with only the library it measures.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServiceCallBenchmark {

	@Param({ "a_plain", "b_noOpAdvisor", "b_noOpAspect", "c_starterChaosOff", "d_starterOtherBeanTargeted",
			"e_starterProbabilityZero", "f_monkeyDisabled", "f_monkeyEnabledNoAssault", "f_monkeyLowestRate" })
	public String variant = "a_plain";

	private @Nullable ConfigurableApplicationContext context;

	private GreetingService service = new GreetingService();

	private String name = "chaos";

	@Setup(Level.Trial)
	public void start() {
		this.context = startContext(this.variant);
		if (this.context != null) {
			this.service = this.context.getBean(GreetingService.class);
			if (!AopUtils.isAopProxy(this.service)) {
				throw new IllegalStateException("Variant " + this.variant + " did not proxy the service");
			}
		}
		boolean starter = this.variant.startsWith("c_") || this.variant.startsWith("d_")
				|| this.variant.startsWith("e_");
		if (this.context != null && starter != (this.context.getBeanNamesForType(Chaos.class).length > 0)) {
			throw new IllegalStateException("Variant " + this.variant + (starter ? " lacks" : " has") + " the starter");
		}
		// make sure the variant's advice runs without failing before measuring
		for (int i = 0; i < 10_000; i++) {
			call();
		}
		if (this.variant.startsWith("d_") || this.variant.startsWith("e_")) {
			Chaos.State state = this.context.getBean(Chaos.class).state();
			Chaos.AssaultState boom = state.assaults().get("boom");
			if (!state.enabled() || boom == null) {
				throw new IllegalStateException("Variant " + this.variant + " has no active assault");
			}
			if (this.variant.startsWith("e_") && (boom.matched() < 10_000 || boom.injected() != 0)) {
				throw new IllegalStateException("Variant " + this.variant + " did not decide on every call: " + boom);
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Benchmark
	public void call(Blackhole blackhole) {
		blackhole.consume(call());
	}

	private int call() {
		try {
			return this.service.score(this.name);
		}
		catch (RuntimeException ex) {
			// only the peer's lowest-rate variant throws (about one call in 10,000)
			return -1;
		}
	}

	static @Nullable ConfigurableApplicationContext startContext(String variant) {
		return switch (variant) {
			case "a_plain" -> null;
			case "b_noOpAdvisor" ->
				BenchmarkApplication.start(BenchmarkApplication.both(), Map.of(), NoOpAdvisorConfiguration.class);
			case "b_noOpAspect" ->
				BenchmarkApplication.start(BenchmarkApplication.both(), Map.of(), NoOpAspectConfiguration.class);
			case "c_starterChaosOff" -> starter(Map.of("chaos.enabled", "false", "chaos.assaults.boom.target.beans",
					"greetingService", "chaos.assaults.boom.exception.message", "x"));
			case "d_starterOtherBeanTargeted" -> starter(Map.of("chaos.enabled", "true",
					"chaos.assaults.boom.target.beans", "otherService", "chaos.assaults.boom.exception.message", "x"));
			case "e_starterProbabilityZero" ->
				starter(Map.of("chaos.enabled", "true", "chaos.assaults.boom.target.beans", "greetingService",
						"chaos.assaults.boom.exception.message", "x", "chaos.assaults.boom.probability", "0"));
			case "f_monkeyDisabled" -> monkey(Map.of("chaos.monkey.enabled", "false"));
			case "f_monkeyEnabledNoAssault" ->
				monkey(Map.of("chaos.monkey.enabled", "true", "chaos.monkey.assaults.latency-active", "false",
						"chaos.monkey.assaults.exceptions-active", "false"));
			case "f_monkeyLowestRate" ->
				monkey(Map.of("chaos.monkey.enabled", "true", "chaos.monkey.assaults.latency-active", "false",
						"chaos.monkey.assaults.exceptions-active", "true", "chaos.monkey.assaults.level", "10000"));
			default -> throw new IllegalArgumentException("Unknown variant " + variant);
		};
	}

	private static ConfigurableApplicationContext starter(Map<String, Object> properties) {
		return BenchmarkApplication.start(BenchmarkApplication.CHAOS_MONKEY, properties);
	}

	private static ConfigurableApplicationContext monkey(Map<String, Object> properties) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
		all.put("spring.profiles.active", "chaos-monkey");
		all.put("chaos.monkey.watcher.service", "true");
		all.put("chaos.monkey.watcher.controller", "false");
		all.put("chaos.monkey.watcher.rest-controller", "false");
		all.put("chaos.monkey.watcher.repository", "false");
		all.put("chaos.monkey.watcher.component", "false");
		return BenchmarkApplication.start(BenchmarkApplication.CHAOS_STARTER, all);
	}

	/**
	 * Start every variant once and call it: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		for (String variant : List.of("b_noOpAdvisor", "b_noOpAspect", "c_starterChaosOff",
				"d_starterOtherBeanTargeted", "e_starterProbabilityZero", "f_monkeyDisabled",
				"f_monkeyEnabledNoAssault", "f_monkeyLowestRate")) {
			ServiceCallBenchmark benchmark = new ServiceCallBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			System.out.println(variant + ": " + benchmark.service.getClass().getName());
			benchmark.stop();
		}
	}

}
