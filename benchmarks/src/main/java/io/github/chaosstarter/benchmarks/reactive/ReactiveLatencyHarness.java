package io.github.chaosstarter.benchmarks.reactive;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * Many concurrent calls of a watched {@code Mono}-returning service under a latency
 * assault: the delay sits inside the returned {@code Mono}, so they all complete after
 * about one delay, on a bounded number of threads.
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.chaosstarter.benchmarks.reactive.ReactiveLatencyHarness [calls] [delay-ms]}.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration")
@ComponentScan(basePackageClasses = ReactiveLatencyHarness.class)
public class ReactiveLatencyHarness {

	/**
	 * What one run measured.
	 *
	 * @param calls how many calls were made
	 * @param completed how many completed with a value
	 * @param wall the wall time from the first subscription to the last value
	 * @param threadsBefore live threads before the calls
	 * @param peakThreads the most live threads seen during the calls
	 */
	public record Result(int calls, long completed, Duration wall, int threadsBefore, int peakThreads) {

		@Override
		public String toString() {
			return "calls=%d completed=%d wall=%d ms threadsBefore=%d peakThreads=%d".formatted(this.calls,
					this.completed, this.wall.toMillis(), this.threadsBefore, this.peakThreads);
		}

	}

	/**
	 * Start the app with a latency assault on {@link QuoteService}.
	 * @param delay the assault's fixed delay
	 * @return the context
	 */
	public static ConfigurableApplicationContext start(Duration delay) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "error");
		properties.put("chaos.enabled", "true");
		properties.put("chaos.assaults.slow.target.beans", "quoteService");
		properties.put("chaos.assaults.slow.latency.min", delay.toMillis() + "ms");
		properties.put("chaos.assaults.slow.latency.max", delay.toMillis() + "ms");
		return new SpringApplicationBuilder(ReactiveLatencyHarness.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	/**
	 * Subscribe to {@code calls} calls at once and wait for all of them.
	 * @param service the watched service
	 * @param calls the number of concurrent calls
	 * @param timeout how long to wait at most
	 * @return what was measured
	 */
	public static Result run(QuoteService service, int calls, Duration timeout) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		threads.resetPeakThreadCount();
		int before = threads.getThreadCount();
		long start = System.nanoTime();
		Long completed = Flux.range(0, calls).flatMap(service::quote, calls).count().block(timeout);
		long wall = System.nanoTime() - start;
		return new Result(calls, (completed != null) ? completed : 0, Duration.ofNanos(wall), before,
				threads.getPeakThreadCount());
	}

	/**
	 * Run the harness.
	 * @param args optional number of calls and delay in milliseconds
	 */
	public static void main(String[] args) {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		Duration delay = Duration.ofMillis((args.length > 1) ? Long.parseLong(args[1]) : 1000);
		try (ConfigurableApplicationContext context = start(delay)) {
			QuoteService service = context.getBean(QuoteService.class);
			run(service, 100, Duration.ofSeconds(30));
			for (int i = 0; i < 3; i++) {
				System.out.println("delay=" + delay.toMillis() + " ms " + run(service, calls, Duration.ofSeconds(60)));
			}
		}
	}

}
