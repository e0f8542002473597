package io.github.chaosstarter.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;
import io.github.chaosstarter.benchmarks.app.GreetingService;
import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Counters, metrics and the report do not grow with the number of injections: a million
 * injected faults leave the heap where a warm-up of a hundred thousand left it.
 *
 * @author Chaos Starter team
 */
class BoundedMemoryTests {

	private static final long TOLERANCE = 2 * 1024 * 1024;

	@Test
	void aMillionInjectionsUseNoMoreHeapThanTheWarmUp() {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(BenchmarkApplication.CHAOS_MONKEY,
				Map.of("chaos.enabled", "true", "chaos.assaults.boom.target.beans", "greetingService",
						"chaos.assaults.boom.exception.type", "java.lang.IllegalStateException",
						"chaos.assaults.boom.exception.message", "boom"))) {
			GreetingService service = context.getBean(GreetingService.class);
			assertThatRuntimeException().isThrownBy(() -> service.score("chaos"))
				.withMessageContaining("Chaos assault 'boom'");
			// the first calls grow the heap once (compiled paths, the report's table of
			// injected
			// exceptions sized for those alive between two collections): baseline after
			// warm-up
			callFailing(service, 100_000 - 1);
			long afterWarmUp = usedHeapAfterGc();
			long highest = afterWarmUp;
			for (int sample = 0; sample < 9; sample++) {
				callFailing(service, 100_000);
				highest = Math.max(highest, usedHeapAfterGc());
			}
			long afterOneMillion = usedHeapAfterGc();
			System.out.printf(
					"BoundedMemoryTests: used heap after GC: %d bytes after 100,000 injections, %d after 1,000,000, highest sample %d%n",
					afterWarmUp, afterOneMillion, highest);
			Chaos.AssaultState boom = context.getBean(Chaos.class).state().assaults().get("boom");
			assertThat(boom.injected()).isEqualTo(1_000_000);
			assertThat(injectionCount(context)).isEqualTo(1_000_000);
			assertThat(afterOneMillion - afterWarmUp)
				.as("heap growth between 100,000 and 1,000,000 injections (%d -> %d bytes)", afterWarmUp,
						afterOneMillion)
				.isLessThan(TOLERANCE);
			assertThat(highest - afterWarmUp).as("highest heap after GC on the way to 1,000,000 injections")
				.isLessThan(TOLERANCE);
		}
	}

	private static void callFailing(GreetingService service, int times) {
		int failures = 0;
		for (int i = 0; i < times; i++) {
			try {
				service.score("chaos");
			}
			catch (IllegalStateException ex) {
				failures++;
			}
		}
		assertThat(failures).isEqualTo(times);
	}

	private static double injectionCount(ConfigurableApplicationContext context) {
		return context.getBeanProvider(MeterRegistry.class)
			.stream()
			.flatMap((registry) -> registry.find("chaos.injections").counters().stream())
			.mapToDouble(Counter::count)
			.sum();
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
