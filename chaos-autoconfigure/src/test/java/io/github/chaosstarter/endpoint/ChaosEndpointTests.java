package io.github.chaosstarter.endpoint;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.config.ChaosSpecCompiler;
import io.github.chaosstarter.control.ChaosAuditLog;
import io.github.chaosstarter.control.ChaosUpdater;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReporter;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.RequestCondition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChaosEndpoint} as a plain object.
 */
class ChaosEndpointTests {

	private final ChaosAuditLog auditLog = new ChaosAuditLog();

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final ChaosEndpoint endpoint = endpoint();

	@Test
	void changeIsAttributedToTheAuthenticatedPrincipal() {
		WebEndpointResponse<Object> response = this.endpoint.change(user("alice"), Map.of("enabled", true));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.auditLog.entries()).last().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("alice");
			assertThat(entry.changes()).containsExactly("enabled");
		});
	}

	@Test
	void changeWithoutPrincipalIsAttributedToTheEndpoint() {
		this.endpoint.halt(SecurityContext.NONE);
		assertThat(this.auditLog.entries()).last().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("endpoint");
			assertThat(entry.description()).isEqualTo("DELETE /actuator/chaos");
		});
	}

	@Test
	void invalidChangeIsABadRequestNamingTheField() {
		WebEndpointResponse<Object> response = this.endpoint.change(SecurityContext.NONE,
				Map.of("assaults", Map.of("x", Map.of("probability", 7, "latency", Map.of("min", "1ms")))));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getBody()).isInstanceOfSatisfying(ChaosErrorDescriptor.class,
				(error) -> assertThat(error.field()).isEqualTo("chaos.assaults.x.probability"));
		assertThat(this.endpoint.chaos().assaults()).isEmpty();
	}

	@Test
	void reportIsNotFoundWithoutAReporter() {
		assertThat(this.endpoint.report("report").getStatus()).isEqualTo(404);
		assertThat(this.endpoint.resetReport("report").getStatus()).isEqualTo(404);
	}

	@Test
	void reportDelegatesToTheReporter() {
		AtomicInteger resets = new AtomicInteger();
		ResilienceReport report = new ResilienceReport(Instant.EPOCH, new ResilienceReport.Injections(0, Map.of()),
				List.of(), List.of(), List.of(), List.of(), List.of());
		this.beanFactory.registerSingleton("reporter", new ResilienceReporter() {

			@Override
			public ResilienceReport report() {
				return report;
			}

			@Override
			public void reset() {
				resets.incrementAndGet();
			}

		});
		assertThat(this.endpoint.report("report").getBody()).isSameAs(report);
		assertThat(this.endpoint.report("other").getStatus()).isEqualTo(404);
		assertThat(this.endpoint.resetReport("report").getStatus()).isEqualTo(200);
		assertThat(this.endpoint.resetReport("other").getStatus()).isEqualTo(404);
		assertThat(resets).hasValue(1);
	}

	@Test
	void durationsAreWrittenAsInConfigurationFiles() {
		assertThat(ChaosDescriptor.format(java.time.Duration.ZERO)).isEqualTo("0s");
		assertThat(ChaosDescriptor.format(java.time.Duration.ofMillis(200))).isEqualTo("200ms");
		assertThat(ChaosDescriptor.format(java.time.Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(ChaosDescriptor.format(java.time.Duration.ofMinutes(2))).isEqualTo("2m");
	}

	private ChaosEndpoint endpoint() {
		ChaosSpecCompiler compiler = new ChaosSpecCompiler(
				ChaosSpecCompiler.watchedKinds(new ChaosProperties().getWatch().getKinds()), false,
				getClass().getClassLoader());
		ChaosRuntime runtime = new ChaosRuntime(new ChaosStateHolder(), compiler,
				compiler.compile(new ChaosProperties()), (target) -> RequestCondition.NEVER, Clock.systemUTC());
		runtime.addChangeListener(this.auditLog);
		return new ChaosEndpoint(new ChaosUpdater(runtime), this.auditLog,
				this.beanFactory.getBeanProvider(ResilienceReporter.class));
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
