package io.github.chaosstarter.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.ResilienceReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosEndpoint} as a plain object, without a web server.
 */
class ChaosEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class));

	@Test
	void changeIsAttributedToTheAuthenticatedPrincipal() {
		run((endpoint, reports) -> {
			WebEndpointResponse<Object> response = endpoint.change(user("alice"), Map.of("enabled", true));
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(endpoint.chaos().history()).last().satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("alice");
				assertThat(entry.changes()).containsExactly("enabled");
			});
		});
	}

	@Test
	void changeWithoutPrincipalIsAttributedToTheEndpoint() {
		run((endpoint, reports) -> {
			endpoint.halt(SecurityContext.NONE);
			assertThat(endpoint.chaos().history()).last().satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("endpoint");
				assertThat(entry.description()).isEqualTo("DELETE /actuator/chaos");
			});
		});
	}

	@Test
	void invalidChangeIsABadRequestNamingTheField() {
		run((endpoint, reports) -> {
			WebEndpointResponse<Object> response = endpoint.change(SecurityContext.NONE,
					Map.of("assaults", Map.of("x", Map.of("probability", 7, "latency", Map.of("min", "1ms")))));
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getBody()).isInstanceOfSatisfying(ChaosEndpoint.ErrorDescriptor.class,
					(error) -> assertThat(error.field()).isEqualTo("chaos.assaults.x.probability"));
			assertThat(endpoint.chaos().assaults()).isEmpty();
		});
	}

	@Test
	void stateIsWrittenInCamelCaseWithDurationsAsInConfiguration() {
		run((endpoint, reports) -> {
			endpoint.change(SecurityContext.NONE, Map.of("duration", "90s", "guard", Map.of("window", "1500ms"),
					"assaults", Map.of("busy", Map.of("error-response", Map.of("retry-after", "2m")))));
			ChaosEndpoint.ChaosDescriptor state = endpoint.chaos();
			assertThat(state.duration()).isEqualTo("90s");
			assertThat(state.guard()).containsEntry("maxErrorRate", 1.0).containsEntry("window", "1500ms");
			assertThat(state.assaults().get("busy"))
				.containsEntry("errorResponse", Map.of("status", 503, "retryAfter", "2m"))
				.containsKeys("probability", "enabled", "matched", "injected", "dryRunHits", "matches", "warnings");
			assertThat(state.history()).last()
				.satisfies((change) -> assertThat(change.changes()).contains("duration 0s -> 90s"));
		});
	}

	@Test
	void reportIsNotFoundWithoutAReporter() {
		run((endpoint, reports) -> {
			assertThat(endpoint.report("report")).isNull();
			assertThat(endpoint.resetReport("report").getStatus()).isEqualTo(404);
		});
	}

	@Test
	void reportDelegatesToTheReporter() {
		run((endpoint, reports) -> {
			AtomicInteger resets = new AtomicInteger();
			ResilienceReport report = ResilienceReport.empty(Instant.EPOCH);
			reports.registerSingleton("reports", new Chaos.Reports() {

				@Override
				public ResilienceReport report() {
					return report;
				}

				@Override
				public void reset() {
					resets.incrementAndGet();
				}

			});
			assertThat(endpoint.report("report")).isSameAs(report);
			assertThat(endpoint.report("other")).isNull();
			assertThat(endpoint.resetReport("report").getBody()).isSameAs(report);
			assertThat(endpoint.resetReport("other").getStatus()).isEqualTo(404);
			assertThat(resets).hasValue(1);
		});
	}

	private void run(BiConsumer<ChaosEndpoint, DefaultListableBeanFactory> test) {
		this.contextRunner.run((context) -> {
			DefaultListableBeanFactory reports = new DefaultListableBeanFactory();
			ChaosEndpoint endpoint = new ChaosEndpoint(context.getBean(ChaosEngine.class),
					reports.getBeanProvider(Chaos.Reports.class));
			test.accept(endpoint, reports);
		});
	}

	private static SecurityContext user(String name) {
		Principal principal = () -> name;
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return principal;
			}

			@Override
			public boolean isUserInRole(String role) {
				return false;
			}

		};
	}

}
