package io.github.chaosstarter.scenarios.classification;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport.DependencyClass;
import io.github.chaosstarter.report.ServiceReport.DependencyReport;
import io.github.chaosstarter.report.ServiceReport.EndpointReport;
import io.github.chaosstarter.report.ServiceReport.Outcome;
import io.github.chaosstarter.scenarios.classification.fixture.ShopApplication;
import io.github.chaosstarter.scenarios.dependency.fixture.SlowServer;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's {@code dependencies[]}, measured against what the callers themselves saw:
 * the test counts the statuses and bodies its own HTTP client received, and the circuit
 * breaker's own error events, and compares them with each dependency's entry. The
 * database fails every request that needs it (critical), the payments fallback answers
 * {@code pending} (degradable), the audit call's failure is ignored (optional), and an
 * expectation that the audit is degradable is contradicted.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractDependencyClassificationTests {

	private static final AtomicInteger WINDOWS = new AtomicInteger(60);

	private static final int REQUESTS = 8;

	private static SlowServer payments;

	private static SlowServer audit;

	@LocalServerPort
	int port;

	@Autowired
	Chaos chaos;

	@Autowired
	ShopApplication.Services services;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void startDependencies() throws IOException {
		payments = new SlowServer();
		audit = new SlowServer();
	}

	@AfterAll
	static void stopDependencies() {
		payments.close();
		audit.close();
	}

	@BeforeEach
	@AfterEach
	void halt() {
		this.chaos.halt();
		Map<String, Object> reset = new HashMap<>();
		reset.put("hypothesis", null);
		reset.put("expect", null);
		this.chaos.change(reset);
		this.services.use(payments.url(), audit.url());
	}

	@Test
	void eachDependencyIsClassifiedAsItsLossShowedToTheCallers(CapturedOutput output) {
		String auditName = "http:localhost:" + audit.url().substring(audit.url().lastIndexOf(':') + 1);
		baseline();
		List<CircuitBreakerOnErrorEvent> errors = new ArrayList<>();
		this.breakers.circuitBreaker("shop-payments").getEventPublisher().onError(errors::add);
		int paymentsCalls = payments.requests();
		int auditCalls = audit.requests();
		this.chaos.change(Map.of("enabled", true, "assaults",
				Map.of("db-down",
						Map.of("target", Map.of("jdbc", Map.of("data-sources", List.of("dataSource"))), "unavailable",
								Map.of("immediately", true)),
						"payments-down",
						Map.of("target", Map.of("client", Map.of("paths", List.of("/payments/**"))), "dependency",
								"payments", "unavailable", Map.of("immediately", true)),
						"audit-down",
						Map.of("target", Map.of("client", Map.of("paths", List.of("/audit"))), "unavailable",
								Map.of("immediately", true))),
				"expect", Map.of("critical", List.of("jdbc:dataSource"), "degradable", List.of("payments", auditName))));
		Http http = new Http(this.port);
		int failedOrders = 0;
		int pending = 0;
		int audited = 0;
		for (int i = 0; i < REQUESTS; i++) {
			failedOrders += (http.get("/api/orders/count").status() >= 500) ? 1 : 0;
			Http.Response checkout = http.post("/api/checkout", "{}");
			pending += (checkout.status() == 200 && checkout.body().equals("pending")) ? 1 : 0;
			audited += (http.post("/api/audit", "{}").status() == 200) ? 1 : 0;
		}
		ResilienceReport report = settled(3 * REQUESTS);
		assertThat(payments.requests()).as("nothing reached payments").isEqualTo(paymentsCalls);
		assertThat(audit.requests()).as("nothing reached the audit").isEqualTo(auditCalls);
		assertThat(report.dependencies()).extracting(DependencyReport::name)
			.containsExactly(auditName, "jdbc:dataSource", "payments");

		DependencyReport database = dependency(report, "jdbc:dataSource");
		assertThat(failedOrders).as("orders the callers saw fail").isEqualTo(REQUESTS);
		assertThat(database.type()).isEqualTo("jdbc");
		assertThat(database.requests()).as("requests that called the database, in %s", report.endpoints())
			.isEqualTo(REQUESTS);
		assertThat(database.failed()).isEqualTo(failedOrders);
		assertThat(database.injectedFaults()).isEqualTo(REQUESTS);
		assertThat(database.observed()).isEqualTo(DependencyClass.CRITICAL);
		assertThat(database.verdict()).as(database.reason()).isEqualTo(Outcome.HELD);
		assertThat(database.reason())
			.isEqualTo("expected and observed critical: 8 of 8 requests that called it under injected faults "
					+ "failed (5xx)");

		DependencyReport paymentsEntry = dependency(report, "payments");
		assertThat(pending).as("checkouts the fallback answered").isEqualTo(REQUESTS);
		assertThat(errors).as("the breaker's own error events").hasSize(REQUESTS);
		assertThat(paymentsEntry.type()).isEqualTo("http");
		assertThat(paymentsEntry.injectedFaults()).isEqualTo(errors.size());
		assertThat(paymentsEntry.requests()).isEqualTo(REQUESTS);
		assertThat(paymentsEntry.failed()).isZero();
		assertThat(paymentsEntry.degraded()).isEqualTo(pending);
		assertThat(paymentsEntry.observed()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(paymentsEntry.expected()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(paymentsEntry.verdict()).as(paymentsEntry.reason()).isEqualTo(Outcome.HELD);
		assertThat(paymentsEntry.reason()).contains("8 of 8 requests", "succeeded, 8 through a fallback");

		DependencyReport auditEntry = dependency(report, auditName);
		assertThat(audited).isEqualTo(REQUESTS);
		assertThat(auditEntry.type()).isEqualTo("http");
		assertThat(auditEntry.requests()).isEqualTo(REQUESTS);
		assertThat(auditEntry.failed()).isZero();
		assertThat(auditEntry.degraded()).isZero();
		assertThat(auditEntry.observed()).isEqualTo(DependencyClass.OPTIONAL);
		assertThat(auditEntry.expected()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(auditEntry.verdict()).isEqualTo(Outcome.VIOLATED);
		assertThat(auditEntry.reason()).startsWith("expected degradable but observed optional: all 8 requests")
			.contains("with no measurable difference", "baseline p99");

		this.chaos.halt();
		assertThat(output).contains("  dependency jdbc:dataSource: CRITICAL, expected CRITICAL: HELD - " + database.reason())
			.contains("  dependency " + auditName + ": OPTIONAL, expected DEGRADABLE: VIOLATED - " + auditEntry.reason())
			.contains("  steady state: ");
	}

	@Test
	void aDependencySlowerThanTwiceTheBaselineIsDegraded() {
		baseline();
		this.chaos.change(Map.of("enabled", true, "assaults",
				Map.of("audit-slow", Map.of("target", Map.of("client", Map.of("paths", List.of("/audit"))),
						"dependency", "audit", "latency", Map.of("min", "300ms", "max", "300ms"))),
				"expect", Map.of("optional", List.of("audit"))));
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/api/audit", "{}").status()).isEqualTo(200);
		}
		DependencyReport entry = dependency(settled(3), "audit");
		assertThat(entry.requests()).isEqualTo(3);
		assertThat(entry.degraded()).isEqualTo(3);
		assertThat(entry.observed()).isEqualTo(DependencyClass.DEGRADABLE);
		assertThat(entry.verdict()).isEqualTo(Outcome.VIOLATED);
		assertThat(entry.reason()).contains("expected optional but observed degradable", "3 slower than");
	}

	@Test
	void aDryRunFaultsNoDependency() {
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults",
				Map.of("db-down", Map.of("target", Map.of("jdbc", Map.of("operations", List.of("connect"))),
						"unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/orders/count").status()).isEqualTo(200);
		}
		ResilienceReport report = settled(3);
		this.chaos.change(Map.of("dry-run", false));
		assertThat(report.dependencies()).isEmpty();
		assertThat(this.chaos.state().assaults().get("db-down").dryRunHits()).isEqualTo(3);
	}

	@Test
	void aGuardThatHaltsChaosReleasesTheDrainedPool() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		this.chaos.change(Map.of("enabled", true, "guard", Map.of("max-error-rate", 0.5, "window", "30s"), "assaults",
				Map.of("drained", Map.of("target", Map.of("jdbc", Map.of("data-sources", List.of("dataSource"))),
						"pool-exhaustion", Map.of("connections", "all")))));
		awaitActive(pool, pool.getMaximumPoolSize());
		ExecutorService callers = Executors.newFixedThreadPool(12);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			Http http = new Http(this.port);
			for (int i = 0; i < 12; i++) {
				statuses.add(callers.submit(() -> http.get("/api/orders/count").status()));
			}
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get(30, TimeUnit.SECONDS));
			}
			// the guard halts once enough of them failed; callers served after that get a
			// connection from the released pool
			assertThat(answered).as("answers while the pool was drained").anyMatch((status) -> status >= 500);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.chaos.state().enabled()).as("the guard halted chaos").isFalse();
		assertThat(this.chaos.state().history()).anySatisfy((change) -> assertThat(change.actor()).isEqualTo("guard"));
		awaitActive(pool, 0);
		assertThat(new Http(this.port).get("/api/orders/count").status()).as("the pool serves again").isEqualTo(200);
	}

	private static void awaitActive(HikariDataSource pool, int active) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (pool.getHikariPoolMXBean().getActiveConnections() != active && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(active);
	}

	/**
	 * Traffic before chaos, with a baseline window of this test's own.
	 */
	private void baseline() {
		this.chaos.change(Map.of("hypothesis", Map.of("paths", List.of("/api/**"), "max-error-rate", 1.0,
				"baseline", WINDOWS.incrementAndGet() + "s", "min-requests", 1)));
		Http http = new Http(this.port);
		for (int i = 0; i < 10; i++) {
			assertThat(http.get("/api/orders/count").status()).isEqualTo(200);
			assertThat(http.post("/api/checkout", "{}").body()).isEqualTo("answer");
			assertThat(http.post("/api/audit", "{}").status()).isEqualTo(200);
		}
	}

	private ResilienceReport settled(long requests) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		ResilienceReport report = this.chaos.report();
		while (served(report) < requests && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			report = this.chaos.report();
		}
		assertThat(served(report)).as("requests recorded").isEqualTo(requests);
		return report;
	}

	private static long served(ResilienceReport report) {
		return report.endpoints().stream().mapToLong(EndpointReport::requests).sum();
	}

	private static DependencyReport dependency(ResilienceReport report, String name) {
		return report.dependencies()
			.stream()
			.filter((entry) -> entry.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry " + name + " in " + report.dependencies()));
	}

}
