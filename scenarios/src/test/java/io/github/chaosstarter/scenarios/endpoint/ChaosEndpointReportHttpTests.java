package io.github.chaosstarter.scenarios.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.Verdict;
import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report operations of the {@code chaos} endpoint over HTTP, with a reporter.
 */
@SpringBootTest(classes = { EndpointApplication.class, ChaosEndpointReportHttpTests.ReporterConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=servlet",
				AbstractChaosEndpointHttpTests.EXPOSE, AbstractChaosEndpointHttpTests.UNRESTRICTED })
class ChaosEndpointReportHttpTests {

	static final AtomicInteger resets = new AtomicInteger();

	@LocalServerPort
	int port;

	@Test
	void reportIsServedAndReset() {
		Http http = new Http(this.port);
		Http.Response report = http.get("/actuator/chaos/report");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json()).containsEntry("since", "2026-11-28T10:00:00Z")
			.containsEntry("injections", Map.of("total", 5, "byAssault", Map.of("payments-down", 5)));
		assertThat(report.body()).contains("\"verdict\":\"REACTED\"");
		int before = resets.get();
		assertThat(http.delete("/actuator/chaos/report").status()).isEqualTo(200);
		assertThat(resets.get()).isEqualTo(before + 1);
		assertThat(http.get("/actuator/chaos/elsewhere").status()).isEqualTo(404);
	}

	@Configuration(proxyBeanMethods = false)
	static class ReporterConfiguration {

		@Bean
		Chaos.Reports fixedReporter() {
			return new Chaos.Reports() {

				@Override
				public ResilienceReport report() {
					Instant since = Instant.parse("2026-11-28T10:00:00Z");
					CircuitBreakerReport breaker = new CircuitBreakerReport("payments", Verdict.REACTED, 5, 0,
							List.of(), 0, 0, "opened with 5 injected and 0 real failures of 5 calls", List.of());
					ResilienceReport empty = ResilienceReport.empty(since);
					return new ResilienceReport(since, new ResilienceReport.Injections(5, Map.of("payments-down", 5L)),
							empty.steadyState(), List.of(), List.of(), List.of(), List.of(), List.of(breaker), List.of(),
							List.of(), List.of(), List.of(), List.of());
				}

				@Override
				public void reset() {
					resets.incrementAndGet();
				}

			};
		}

	}

}
