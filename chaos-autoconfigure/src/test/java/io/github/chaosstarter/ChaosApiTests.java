package io.github.chaosstarter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;
import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication.GreetingService;
import io.github.chaosstarter.report.ResilienceReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the {@link Chaos} API in a plain {@code @SpringBootTest}.
 */
@SpringBootTest(classes = { EndpointApplication.class, ChaosApiTests.ReporterConfiguration.class },
		webEnvironment = WebEnvironment.NONE)
class ChaosApiTests {

	@Autowired
	Chaos chaos;

	@Autowired
	GreetingService greetingService;

	@Autowired
	CountingReporter reporter;

	@BeforeEach
	void halt() {
		this.chaos.halt();
	}

	@Test
	void assaultBitesOnceEnabledAndStopsAtItsLimit() {
		this.chaos.assault("boom")
			.target((target) -> target.beans("greetingService").methods("greet*"))
			.exception(IllegalStateException.class, "boom")
			.probability(1.0)
			.maxInjections(2)
			.apply();
		assertThat(this.greetingService.greet("a")).isEqualTo("hello a");
		this.chaos.enable();
		assertThatIllegalStateException().isThrownBy(() -> this.greetingService.greet("b"))
			.withMessage("Chaos assault 'boom': boom");
		assertThatIllegalStateException().isThrownBy(() -> this.greetingService.greet("c"));
		assertThat(this.greetingService.greet("d")).isEqualTo("hello d");
		assertThat(this.chaos.state().assaults().get("boom").injected()).isEqualTo(2);
	}

	@Test
	void invalidAssaultIsRefusedAndChangesNothing() {
		Chaos.State before = this.chaos.state();
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> this.chaos.assault("bad").exception().probability(1.5).apply())
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chaos.assaults.bad.probability"));
		assertThat(this.chaos.state()).isEqualTo(before);
	}

	@Test
	void killIsRefusedWithoutAllowKill() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> this.chaos.assault("stop").kill("graceful", 1).apply())
			.withMessageContaining("chaos.allow-kill=true");
	}

	@Test
	void latencyAndErrorResponseAssaultsAreBuilt() {
		this.chaos.assault("slow").latency(Duration.ofMillis(1), Duration.ofMillis(5)).apply();
		Chaos.State state = this.chaos.assault("busy")
			.target((target) -> target.http((http) -> http.paths("/api/**").methods("POST").header("X-Chaos", "on")))
			.errorResponse(503, Duration.ofSeconds(30))
			.apply();
		assertThat(state.assaults().get("slow").definition()).containsEntry("latency",
				Map.of("min", "1ms", "max", "5ms"));
		assertThat(state.assaults().get("busy").definition())
			.containsEntry("errorResponse", Map.of("status", 503, "retryAfter", "30s"))
			.containsEntry("target", Map.of("http", Map.of("paths", List.of("/api/**"), "methods", List.of("POST"),
					"headers", Map.of("X-Chaos", "on"))));
	}

	@Test
	void removeAndHaltChangeTheState() {
		this.chaos.assault("boom").exception().apply();
		this.chaos.enable();
		assertThat(this.chaos.remove("boom").assaults()).doesNotContainKey("boom");
		assertThat(this.chaos.state().enabled()).isTrue();
		assertThat(this.chaos.halt().enabled()).isFalse();
		assertThat(this.chaos.disable().enabled()).isFalse();
	}

	@Test
	void changesAreAuditedWithTheApiAsActor() {
		this.chaos.assault("audited").exception().apply();
		Chaos.Change entry = this.chaos.state().history().get(this.chaos.state().history().size() - 1);
		assertThat(entry.actor()).isEqualTo("api");
		assertThat(entry.description()).isEqualTo("Chaos.assault('audited').apply()");
		assertThat(entry.changes()).containsExactly("assault 'audited' added (exception)");
	}

	@Test
	void reportDelegatesToTheReporter() {
		assertThat(this.chaos.report().injections().total()).isZero();
		int resets = this.reporter.resets.get();
		this.chaos.resetReport();
		assertThat(this.reporter.resets.get()).isEqualTo(resets + 1);
	}

	@Configuration(proxyBeanMethods = false)
	static class ReporterConfiguration {

		@Bean
		CountingReporter countingReporter() {
			return new CountingReporter();
		}

	}

	static class CountingReporter implements Chaos.Reports {

		final AtomicInteger resets = new AtomicInteger();

		@Override
		public ResilienceReport report() {
			return ResilienceReport.empty(Instant.EPOCH);
		}

		@Override
		public void reset() {
			this.resets.incrementAndGet();
		}

	}

}
