package io.github.chaosstarter.benchmarks;

import java.util.LinkedHashMap;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;
import io.github.chaosstarter.benchmarks.jdbc.PoolApplication;

/**
 * One WebFlux exchange served while chaos is off: (u) the handler alone, (v) through
 * Chaos Starter's recording {@code WebFilter} with no hypothesis, (w) through it with a
 * hypothesis whose baseline records the request. Each operation builds its own
 * {@code MockServerWebExchange}, in every variant, so the difference in B/op is the
 * filter's.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebFilterRecordingBenchmark {

	private static final WebFilterChain HANDLER = (exchange) -> {
		// as every handler mapping does: the path within the application, parsed once per
		// request and kept by the request
		exchange.getRequest().getPath().pathWithinApplication();
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		return exchange.getResponse().setComplete();
	};

	@Param({ "u_handlerAlone", "v_filterNoHypothesis", "w_filterBaselineRecorded" })
	public String variant = "u_handlerAlone";

	private ConfigurableApplicationContext context;

	private WebFilter filter;

	@Setup(Level.Trial)
	public void start() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.autoconfigure.exclude", String.join(",", BenchmarkApplication.CHAOS_MONKEY));
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "error");
		properties.put("server.port", "0");
		this.context = new SpringApplicationBuilder(PoolApplication.class).web(WebApplicationType.REACTIVE)
			.properties(properties)
			.run();
		this.filter = this.context.getBean("chaosResponseWebFilter", WebFilter.class);
		if (this.variant.startsWith("w_")) {
			this.context.getBean(Chaos.class)
				.change(Map.of("hypothesis",
						Map.of("paths", List.of("/api/**"), "baseline", "5m", "max-error-rate", 0.05)));
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void serve(Blackhole blackhole) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/17"));
		Mono<Void> served = this.variant.startsWith("u_") ? HANDLER.filter(exchange)
				: this.filter.filter(exchange, HANDLER);
		served.subscribe();
		blackhole.consume(exchange.getResponse().getStatusCode());
	}

	/**
	 * Start every variant once and serve an exchange: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		for (String variant : List.of("u_handlerAlone", "v_filterNoHypothesis", "w_filterBaselineRecorded")) {
			WebFilterRecordingBenchmark benchmark = new WebFilterRecordingBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/17"));
			Mono<Void> served = variant.startsWith("u_") ? HANDLER.filter(exchange)
					: benchmark.filter.filter(exchange, HANDLER);
			served.block();
			Chaos chaos = benchmark.context.getBean(Chaos.class);
			chaos.enable();
			System.out.println(variant + ": " + exchange.getResponse().getStatusCode() + ", baseline "
					+ chaos.report().steadyState().baseline());
			benchmark.stop();
		}
	}

}
