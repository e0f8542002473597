package io.github.chaosstarter.engine;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditLog}: every change is logged and the last ones are kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	private final TestRuntime test = new TestRuntime();

	private final ChaosRuntime runtime = this.test.runtime;

	@AfterEach
	void stop() {
		this.runtime.stop();
	}

	@Test
	void historyKeepsTheLastFiftyChanges() {
		for (int i = 0; i < 60; i++) {
			boolean enabled = i % 2 == 0;
			this.runtime.update((current) -> current.withEnabled(enabled), "test", "change " + i);
		}
		assertThat(this.runtime.history()).hasSize(50);
		assertThat(this.runtime.history().get(0).description()).isEqualTo("change 10");
		assertThat(this.runtime.history().get(49).description()).isEqualTo("change 59");
	}

	@Test
	void autoHaltIsLoggedWithItsActor(CapturedOutput output) {
		this.runtime.update((current) -> new ChaosSpec(true, false, null, Duration.ofSeconds(30), current.guard(),
				current.assaults()), "test", "start");
		this.test.scheduler.runDue();
		assertThat(this.runtime.history()).last().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("auto-halt");
			assertThat(entry.changes()).contains("disabled");
		});
		assertThat(output).contains("Chaos changed by 'auto-halt'").contains("chaos.duration of 30s elapsed");
	}

	@Test
	void durationsAreWrittenAsInConfigurationFiles() {
		ChaosSpec before = ChaosSpec.OFF;
		ChaosSpec after = new ChaosSpec(false, true, 7L, Duration.ofMinutes(2),
				new ChaosSpec.GuardSpec(0.5, Duration.ofMillis(1500)), before.assaults());
		assertThat(AuditLog.differences(before, after)).containsExactly("dryRun false -> true", "seed null -> 7",
				"duration 0s -> 2m", "guard.maxErrorRate 1.0 -> 0.5", "guard.window 30s -> 1500ms");
	}

}
