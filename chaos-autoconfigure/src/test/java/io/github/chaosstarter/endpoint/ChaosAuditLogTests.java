package io.github.chaosstarter.endpoint;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.RequestCondition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosAuditLog}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChaosAuditLogTests {

	private final ChaosAuditLog auditLog = new ChaosAuditLog();

	private final ChaosRuntime runtime = runtime();

	@Test
	void historyKeepsTheLastFiftyChanges() {
		for (int i = 0; i < 60; i++) {
			this.runtime.apply(this.runtime.current().spec().withEnabled(i % 2 == 0), "test", "change " + i);
		}
		assertThat(this.auditLog.entries()).hasSize(50);
		assertThat(this.auditLog.entries().get(0).description()).isEqualTo("change 10");
		assertThat(this.auditLog.entries().get(49).description()).isEqualTo("change 59");
	}

	@Test
	void autoHaltIsLoggedWithItsActor(CapturedOutput output) throws InterruptedException {
		this.runtime.apply(
				new io.github.chaosstarter.config.ChaosSpec(true, false, null, Duration.ofMillis(50),
						this.runtime.current().spec().guard(), this.runtime.current().spec().assaults()),
				"test", "start");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.runtime.current().enabled() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.auditLog.entries()).last().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("auto-halt");
			assertThat(entry.changes()).contains("disabled");
		});
		assertThat(output).contains("Chaos changed by 'auto-halt'");
	}

	private ChaosRuntime runtime() {
		ChaosSpecCompiler compiler = new ChaosSpecCompiler(
				ChaosSpecCompiler.watchedKinds(new ChaosProperties().getWatch().getKinds()), false,
				getClass().getClassLoader());
		ChaosRuntime runtime = new ChaosRuntime(new ChaosStateHolder(), compiler,
				compiler.compile(new ChaosProperties()), (target) -> RequestCondition.NEVER, Clock.systemUTC());
		runtime.addChangeListener(this.auditLog);
		return runtime;
	}

}
