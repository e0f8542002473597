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
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Counters and metrics do not grow with the number of injections: a million injected
 * faults leave the heap where ten thousand left it.
 *
 * @author Chaos Starter team
 */
class BoundedMemoryTests {

	private static final long TOLERANCE = 2 * 1024 * 1024;

	@Test
	void aMillionInjectionsUseNoMoreHeapThanTenThousand() {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(BenchmarkApplication.CHAOS_MONKEY,
				Map.of("chaos.enabled", "true", "chaos.assaults.boom.target.beans", "greetingService",
						"chaos.assaults.boom.exception.type", "java.lang.IllegalStateException",
						"chaos.assaults.boom.exception.message", "boom"))) {
			GreetingService service = context.getBean(GreetingService.class);
			assertThatRuntimeException().isThrownBy(() -> service.score("chaos"))
				.withMessageContaining("Chaos assault 'boom'");
			callFailing(service, 10_000 - 1);
			long afterTenThousand = usedHeapAfterGc();
			callFailing(service, 1_000_000 - 10_000);
			long afterOneMillion = usedHeapAfterGc();
			System.out.printf(
					"BoundedMemoryTests: used heap after GC: %d bytes after 10,000 injections, %d after 1,000,000%n",
					afterTenThousand, afterOneMillion);
			Assault boom = context.getBean(ChaosRuntime.class).current().assaults().get("boom");
			assertThat(boom.injected()).isEqualTo(1_000_000);
			assertThat(injectionCount(context)).isEqualTo(1_000_000);
			assertThat(afterOneMillion - afterTenThousand)
				.as("heap growth between 10,000 and 1,000,000 injections (%d -> %d bytes)", afterTenThousand,
						afterOneMillion)
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
