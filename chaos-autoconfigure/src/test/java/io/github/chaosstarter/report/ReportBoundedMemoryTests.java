package io.github.chaosstarter.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.PaymentService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.StockRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's aggregates do not grow with the number of calls: a million injected
 * failures, each seen by a circuit breaker, its fallback and the report's observers,
 * leave the heap where ten thousand left it.
 */
@SpringBootTest(classes = ReportShopApplication.class,
		properties = "resilience4j.circuitbreaker.instances.payments.ignore-exceptions=java.lang.IllegalStateException")
class ReportBoundedMemoryTests {

	private static final long TOLERANCE = 2 * 1024 * 1024;

	@Autowired
	Chaos chaos;

	@Autowired
	PaymentService payments;

	@Autowired
	StockRepository stock;

	@Test
	void aMillionInjectionsLeaveTheHeapWhereTheWarmUpLeftIt() {
		this.chaos.assault("payments-down")
			.target((target) -> target.methods("charge"))
			.exception(IllegalStateException.class, "down")
			.apply();
		this.chaos.assault("stock-down")
			.target((target) -> target.kinds("repository"))
			.exception(IllegalStateException.class, "down")
			.apply();
		this.chaos.enable();
		attack(50_000);
		long afterWarmUp = usedHeapAfterGc();
		long highest = afterWarmUp;
		for (int sample = 0; sample < 9; sample++) {
			attack(50_000);
			highest = Math.max(highest, usedHeapAfterGc());
		}
		long afterOneMillion = usedHeapAfterGc();
		ResilienceReport report = this.chaos.report();
		assertThat(report.injections().total()).isEqualTo(1_000_000);
		assertThat(report.fallback("PaymentService.charge").invocations()).isEqualTo(500_000);
		assertThat(report.unprotected()).singleElement()
			.satisfies((entry) -> assertThat(entry.injectedFailures()).isEqualTo(500_000));
		assertThat(afterOneMillion - afterWarmUp)
			.as("heap growth between 100,000 and 1,000,000 injections (%d -> %d bytes)", afterWarmUp, afterOneMillion)
			.isLessThan(TOLERANCE);
		assertThat(highest - afterWarmUp).as("highest heap after GC on the way to 1,000,000 injections")
			.isLessThan(TOLERANCE);
	}

	private void attack(int rounds) {
		for (int i = 0; i < rounds; i++) {
			this.payments.charge("o");
			try {
				this.stock.find("sku");
			}
			catch (IllegalStateException ex) {
				// the unprotected repository lets the failure through
			}
		}
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
