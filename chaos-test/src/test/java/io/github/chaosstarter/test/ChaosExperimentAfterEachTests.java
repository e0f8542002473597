package io.github.chaosstarter.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.test.EngineFixtures.Fixture;
import io.github.chaosstarter.test.fixtures.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After each test, chaos is halted: off, the assaults the test added removed, and those
 * of the application's configuration restored, before any other test starts.
 */
class ChaosExperimentAfterEachTests {

	@Test
	void chaosIsHaltedAfterEachTest() {
		EngineFixtures.run(Map.of(), LeavesChaosOn.class)
			.testEvents()
			.assertStatistics((stats) -> stats.started(1).succeeded(1));
		Chaos.State state = LeavesChaosOn.chaos.state();
		assertThat(state.enabled()).isFalse();
		assertThat(state.assaults()).containsOnlyKeys("stock-slow");
		assertThat(state.history()).last().satisfies((change) -> {
			assertThat(change.description()).isEqualTo("Chaos.halt()");
			assertThat(change.changes()).contains("disabled", "assault 'payments-down' removed");
		});
	}

	@Fixture
	@SpringBootTest(classes = ShopApplication.class,
			properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
	@ChaosExperiment
	static class LeavesChaosOn {

		static Chaos chaos;

		@Autowired
		void setChaos(Chaos chaos) {
			LeavesChaosOn.chaos = chaos;
		}

		@Test
		void switchesChaosOnWithAnAssaultOfItsOwn() {
			chaos.remove("stock-slow");
			chaos.assault("payments-down").target((t) -> t.beans("paymentService")).exception().apply();
			chaos.enable();
			assertThat(chaos.state().enabled()).isTrue();
		}

	}

}
