package io.github.chaosstarter.scenarios.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.Verdict;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.AuditService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.CatalogService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.InventoryService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.LedgerService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.PaymentService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.PricingService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.ReactivePaymentService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.RefundService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.ShippingService;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.StockRepository;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication.WarehouseService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The resilience report of a real application with real Resilience4j instances, each
 * configured by properties, under injected faults: the verdicts read through the
 * {@link Chaos} API, as JSON from {@code GET /actuator/chaos/report} (written by the
 * Jackson generation of each Spring Boot line) and as the Micrometer gauge
 * {@code chaos.report.verdicts}.
 */
@SpringBootTest(classes = ReportShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"management.endpoints.web.exposure.include=chaos", "management.endpoint.chaos.access=unrestricted",
				"resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.payments.sliding-window-size=5",
				"resilience4j.circuitbreaker.instances.ledger.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.ledger.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.ledger.ignore-exceptions=java.lang.IllegalStateException",
				"resilience4j.circuitbreaker.instances.audit.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.audit.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.audit.record-exceptions=java.io.IOException",
				"resilience4j.circuitbreaker.instances.shipping.minimum-number-of-calls=10",
				"resilience4j.circuitbreaker.instances.shipping.sliding-window-size=10",
				"resilience4j.circuitbreaker.instances.refunds.minimum-number-of-calls=2",
				"resilience4j.circuitbreaker.instances.refunds.sliding-window-size=2",
				"resilience4j.circuitbreaker.instances.refunds.wait-duration-in-open-state=1h",
				"resilience4j.circuitbreaker.instances.reactive-payments.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.reactive-payments.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.reactive-payments.wait-duration-in-open-state=1h",
				"resilience4j.retry.instances.inventory.max-attempts=3",
				"resilience4j.retry.instances.inventory.wait-duration=10ms",
				"resilience4j.retry.instances.catalog.max-attempts=3",
				"resilience4j.retry.instances.catalog.wait-duration=10ms",
				"resilience4j.retry.instances.catalog.retry-exceptions=java.io.IOException",
				"resilience4j.timelimiter.instances.pricing.timeout-duration=100ms",
				"resilience4j.bulkhead.instances.warehouse.max-concurrent-calls=1",
				"resilience4j.bulkhead.instances.warehouse.max-wait-duration=0" })
@ExtendWith(OutputCaptureExtension.class)
class ResilienceReportIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	ChaosEngine engine;

	@Autowired
	Chaos.Reports reporter;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	PaymentService payments;

	@Autowired
	LedgerService ledger;

	@Autowired
	AuditService audit;

	@Autowired
	ShippingService shipping;

	@Autowired
	RefundService refunds;

	@Autowired
	InventoryService inventory;

	@Autowired
	CatalogService catalog;

	@Autowired
	PricingService pricing;

	@Autowired
	ReactivePaymentService reactivePayments;

	@Autowired
	StockRepository stock;

	@Autowired
	WarehouseService warehouse;

	@Autowired
	BulkheadRegistry bulkheads;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@BeforeEach
	void startClean() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.reporter.reset();
	}

	@AfterEach
	void haltChaos() {
		this.chaos.halt();
	}

	@Test
	void circuitBreakerThatOpensOnInjectedFailuresReacted() {
		attack("payments-down", exception("charge", null));
		for (int i = 0; i < 8; i++) {
			assertThat(this.payments.charge("o" + i)).isEqualTo("queued o" + i);
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("payments");
		assertThat(breaker.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(breaker.injectedFailures()).isEqualTo(5);
		assertThat(breaker.notPermittedCalls()).isEqualTo(3);
		assertThat(breaker.transitions()).singleElement().satisfies((transition) -> {
			assertThat(transition.from()).isEqualTo("CLOSED");
			assertThat(transition.to()).isEqualTo("OPEN");
			assertThat(transition.afterInjections()).isEqualTo(5);
		});
		assertThat(breaker.reason()).isEqualTo(
				"opened with 5 injected and 0 real failures of 5 calls (failureRateThreshold 50%): injected faults opened it");
	}

	@Test
	void fallbackThatServesInjectedFailuresReacted() {
		attack("payments-down", exception("charge", null));
		for (int i = 0; i < 8; i++) {
			this.payments.charge("o" + i);
		}
		FallbackReport fallback = this.reporter.report().fallback("PaymentService.charge");
		assertThat(fallback.fallbackMethod()).isEqualTo("chargeFallback");
		assertThat(fallback.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(fallback.invocations()).isEqualTo(8);
	}

	@Test
	void circuitBreakerThatIgnoresTheInjectedExceptionDidNotReact() {
		attack("ledger-down", exception("post", "java.lang.IllegalStateException"));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.ledger.post("e"));
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("ledger");
		assertThat(breaker.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(breaker.injectedFailures()).isZero();
		assertThat(breaker.transitions()).isEmpty();
		assertThat(breaker.reason()).isEqualTo(
				"the injected java.lang.IllegalStateException is in ignoreExceptions of circuit breaker `ledger`");
	}

	@Test
	void circuitBreakerThatDoesNotRecordTheInjectedExceptionDidNotReact() {
		attack("audit-down", exception("write", "java.lang.IllegalStateException"));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.audit.write("e"));
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("audit");
		assertThat(breaker.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(breaker.reason()).isEqualTo(
				"the injected java.lang.IllegalStateException is not in recordExceptions of circuit breaker `audit`");
	}

	@Test
	void circuitBreakerThatNeedsMoreCallsDidNotReact() {
		attack("shipping-down", exception("ship", null));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.shipping.ship("o"));
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("shipping");
		assertThat(breaker.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(breaker.injectedFailures()).isEqualTo(4);
		assertThat(breaker.reason()).isEqualTo(
				"circuit breaker `shipping` needs minimumNumberOfCalls=10 and saw 4 calls (4 injected failures)");
	}

	@Test
	void retryThatRetriesInjectedFailuresReacted() {
		attack("inventory-down", exception("reserve", null));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.inventory.reserve("sku"));
		}
		RetryReport retry = this.reporter.report().retry("inventory");
		assertThat(retry.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(retry.retryAttempts()).isEqualTo(4);
		assertThat(retry.exhausted()).isEqualTo(2);
		assertThat(retry.recovered()).isZero();
		assertThat(retry.amplification()).isEqualTo(3.0);
		assertThat(retry.warnings()).singleElement()
			.asString()
			.startsWith("fixed wait of 10ms without backoff or jitter: retry storm risk");
	}

	@Test
	void retryThatRecoversCountsRecoveredCalls() {
		ChaosProperties.Assault flaky = exception("reserve", null);
		flaky.setMaxInjections(2L);
		attack("inventory-flaky", flaky);
		assertThat(this.inventory.reserve("sku")).isEqualTo(1);
		RetryReport retry = this.reporter.report().retry("inventory");
		assertThat(retry.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(retry.retryAttempts()).isEqualTo(2);
		assertThat(retry.recovered()).isEqualTo(1);
		assertThat(retry.exhausted()).isZero();
	}

	@Test
	void retryThatDoesNotRetryTheInjectedExceptionDidNotReact() {
		attack("catalog-down", exception("lookup", "java.lang.IllegalStateException"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.catalog.lookup("sku"));
		RetryReport retry = this.reporter.report().retry("catalog");
		assertThat(retry.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(retry.retryAttempts()).isZero();
		assertThat(retry.reason()).isEqualTo(
				"retry `catalog` does not retry the injected java.lang.IllegalStateException: it is in ignoreExceptions, or not in retryExceptions, of its configuration");
	}

	@Test
	void timeLimiterThatTimesOutInjectedLatencyReacted() {
		attack("pricing-slow", latency("quote", Duration.ofMillis(600)));
		for (int i = 0; i < 2; i++) {
			assertThat(this.pricing.quote("sku")).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("list price of sku");
		}
		ResilienceReport report = this.reporter.report();
		TimeLimiterReport limiter = report.timeLimiter("pricing");
		assertThat(limiter.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertThat(report.fallback("PricingService.quote").invocations()).isEqualTo(2);
	}

	@Test
	void instancesThatNoInjectedFaultReachedAreNotExercised() {
		attack("stock-down", exception("find", null));
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		ResilienceReport report = this.reporter.report();
		assertThat(report.circuitBreaker("payments").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.retry("inventory").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.timeLimiter("pricing").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
	}

	@Test
	void unprotectedRepositoryIsListedWithFailuresThatReachedTheCaller() {
		attack("stock-down", exception("find", null));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		}
		assertThat(this.reporter.report().injections().total()).isEqualTo(3);
		assertThat(this.reporter.report().injections().byAssault()).containsExactly(Map.entry("stock-down", 3L));
		assertThat(this.reporter.report().unprotected()).singleElement().satisfies((method) -> {
			assertThat(method.method()).isEqualTo("StockRepository.find");
			assertThat(method.injectedFailures()).isEqualTo(3);
			assertThat(method.reachedCaller()).isEqualTo(3);
		});
	}

	@Test
	void reactiveCircuitBreakerAndFallbackReacted() {
		attack("reactive-down", exception("pay", null));
		for (int i = 0; i < 4; i++) {
			StepVerifier.create(this.reactivePayments.pay("o" + i)).expectNext("pay later o" + i).verifyComplete();
		}
		ResilienceReport report = this.reporter.report();
		CircuitBreakerReport breaker = report.circuitBreaker("reactive-payments");
		assertThat(breaker.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(breaker.injectedFailures()).isEqualTo(3);
		assertThat(breaker.notPermittedCalls()).isEqualTo(1);
		FallbackReport fallback = report.fallback("ReactivePaymentService.pay");
		assertThat(fallback.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(fallback.invocations()).isEqualTo(4);
	}

	@Test
	void countsUnderSeededProbabilityEqualTheInjectionCounters() {
		ChaosProperties.Assault stockDown = exception("find", null);
		stockDown.setProbability(0.5);
		ChaosProperties.Assault paymentsDown = exception("charge", null);
		paymentsDown.setProbability(0.5);
		ChaosProperties.Assault inventoryDown = exception("reserve", null);
		inventoryDown.setProbability(0.5);
		Map<String, ChaosProperties.Assault> assaults = new LinkedHashMap<>();
		assaults.put("stock-down", stockDown);
		assaults.put("payments-down", paymentsDown);
		assaults.put("inventory-down", inventoryDown);
		apply(42L, assaults);
		Retry inventoryRetry = this.retries.retry("inventory");
		long recoveredBefore = inventoryRetry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();
		long exhaustedBefore = inventoryRetry.getMetrics().getNumberOfFailedCallsWithRetryAttempt();
		for (int i = 0; i < 40; i++) {
			catchThrowable(() -> this.stock.find("sku"));
			this.payments.charge("o" + i);
			catchThrowable(() -> this.inventory.reserve("sku"));
		}
		long stockInjected = injected("stock-down");
		long paymentsInjected = injected("payments-down");
		long inventoryInjected = injected("inventory-down");
		assertThat(stockInjected).isBetween(1L, 39L);
		ResilienceReport report = this.reporter.report();
		assertThat(report.injections().total()).isEqualTo(stockInjected + paymentsInjected + inventoryInjected);
		assertThat(report.injections().byAssault()).containsEntry("stock-down", stockInjected)
			.containsEntry("payments-down", paymentsInjected)
			.containsEntry("inventory-down", inventoryInjected);
		assertThat(report.unprotected()).singleElement()
			.satisfies((method) -> assertThat(method.injectedFailures()).isEqualTo(stockInjected));
		CircuitBreakerReport breaker = report.circuitBreaker("payments");
		assertThat(breaker.injectedFailures()).isEqualTo(paymentsInjected);
		assertThat(report.fallback("PaymentService.charge").invocations())
			.isEqualTo(paymentsInjected + breaker.notPermittedCalls());
		RetryReport retry = report.retry("inventory");
		long exhausted = inventoryRetry.getMetrics().getNumberOfFailedCallsWithRetryAttempt() - exhaustedBefore;
		assertThat(retry.exhausted()).isEqualTo(exhausted);
		assertThat(retry.recovered())
			.isEqualTo(inventoryRetry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt() - recoveredBefore);
		assertThat(retry.retryAttempts()).isEqualTo(inventoryInjected - exhausted);
	}

	@Test
	void resetStartsAnEmptyReport() {
		attack("stock-down", exception("find", null));
		catchThrowable(() -> this.stock.find("sku"));
		assertThat(this.reporter.report().injections().total()).isEqualTo(1);
		this.reporter.reset();
		ResilienceReport report = this.reporter.report();
		assertThat(report.injections().total()).isZero();
		assertThat(report.unprotected()).isEmpty();
		assertThat(report.circuitBreakers())
			.allSatisfy((breaker) -> assertThat(breaker.verdict()).isEqualTo(Verdict.NOT_EXERCISED));
	}

	@Test
	void circuitBreakerCreatedAfterStartupIsObserved() {
		CircuitBreaker lazy = this.circuitBreakers.circuitBreaker("lazy-" + System.nanoTime(),
				CircuitBreakerConfig.custom().minimumNumberOfCalls(3).slidingWindowSize(3).build());
		attack("stock-down", exception("find", null));
		Supplier<Integer> guarded = CircuitBreaker.decorateSupplier(lazy, () -> this.stock.find("sku"));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(guarded::get);
		}
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(guarded::get);
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker(lazy.getName());
		assertThat(breaker.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(breaker.injectedFailures()).isEqualTo(3);
		assertThat(breaker.notPermittedCalls()).isEqualTo(1);
	}

	@Test
	void circuitBreakerOpenedByRealFailuresBeforeTheExperimentDidNotReact() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.refunds.refund(true));
		}
		assertThat(this.circuitBreakers.circuitBreaker("refunds").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		attack("refunds-down", exception("refund", null));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> this.refunds.refund(false));
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("refunds");
		assertThat(breaker.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(breaker.notPermittedCalls()).isEqualTo(3);
		assertThat(breaker.reason()).isEqualTo(
				"circuit breaker `refunds` was already OPEN when the experiment started: no injected fault reached it");
	}

	@Test
	void circuitBreakerOpenedByRealFailuresDuringTheExperimentDidNotReact() {
		attack("stock-down", exception("find", null));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.refunds.refund(true));
		}
		CircuitBreakerReport breaker = this.reporter.report().circuitBreaker("refunds");
		assertThat(breaker.transitions()).singleElement()
			.satisfies((transition) -> assertThat(transition.afterInjections()).isZero());
		assertThat(breaker.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
	}

	@Test
	void bulkheadThatRejectsCallsHeldByInjectedLatencyReacted() throws Exception {
		attack("warehouse-slow", latency("load", Duration.ofMillis(800)));
		CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> this.warehouse.load("a"));
		io.github.resilience4j.bulkhead.Bulkhead bulkhead = this.bulkheads.bulkhead("warehouse");
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		// the permit is taken before the (innermost) chaos advice delays the call: wait
		// for both, and for the report to have recorded the delay
		while ((bulkhead.getMetrics().getAvailableConcurrentCalls() > 0
				|| this.reporter.report().injections().total() == 0)
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(() -> this.warehouse.load("b"));
		assertThat(slow).succeedsWithin(Duration.ofSeconds(5));
		ResilienceReport.BulkheadReport report = this.reporter.report().bulkhead("warehouse");
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.rejectedCalls()).isEqualTo(1);
		assertThat(report.reason())
			.isEqualTo("rejected 1 calls while injected latency held its permits (maxConcurrentCalls=1)");
	}

	@Test
	void switchingChaosOffLogsTheSummary(CapturedOutput output) {
		attack("stock-down", exception("find", null));
		catchThrowable(() -> this.stock.find("sku"));
		this.chaos.halt();
		assertThat(output).contains("Chaos experiment since")
			.contains("unprotected StockRepository.find: 1 of 1 injected failures reached the caller");
	}

	@Test
	void verdictsAreCountedInMicrometer() {
		chargeEightTimesWhilePaymentsFail();
		postFiveLedgerEntriesWhileTheLedgerFails();
		// the payments breaker and its fallback reacted; the ledger breaker did not
		assertThat(verdicts(Verdict.REACTED)).isEqualTo(2.0);
		assertThat(verdicts(Verdict.DID_NOT_REACT)).isEqualTo(1.0);
		assertThat(verdicts(Verdict.NOT_EXERCISED)).isGreaterThanOrEqualTo(2.0);
	}

	@Test
	void reportIsServedAsJsonOverHttp() {
		chargeEightTimesWhilePaymentsFail();
		postFiveLedgerEntriesWhileTheLedgerFails();
		findStockThreeTimesWhileTheRepositoryFails();
		Http.Response response = new Http(this.port).get("/actuator/chaos/report");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Object> report = response.json();
		assertThat(report.get("since")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(report.get("injections")).asInstanceOf(MAP)
			.containsEntry("total", 13)
			.containsEntry("byAssault", Map.of("payments-down", 5, "ledger-down", 5, "stock-down", 3));
		Map<String, Object> payments = entry(report, "circuitBreakers", "name", "payments");
		assertThat(payments).containsEntry("verdict", "REACTED")
			.containsEntry("injectedFailures", 5)
			.containsEntry("notPermittedCalls", 3);
		assertThat(payments.get("transitions")).asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("from", "CLOSED")
			.containsEntry("to", "OPEN")
			.containsEntry("afterInjections", 5)
			.containsKey("at");
		assertThat(entry(report, "fallbacks", "method", "PaymentService.charge")).containsEntry("verdict", "REACTED")
			.containsEntry("fallbackMethod", "chargeFallback")
			.containsEntry("invocations", 8);
		assertThat(entry(report, "circuitBreakers", "name", "ledger")).containsEntry("verdict", "DID_NOT_REACT")
			.containsEntry("reason",
					"the injected java.lang.IllegalStateException is in ignoreExceptions of circuit breaker `ledger`");
		assertThat(entry(report, "circuitBreakers", "name", "refunds")).containsEntry("verdict", "NOT_EXERCISED");
		assertThat(entry(report, "unprotected", "method", "StockRepository.find")).containsEntry("injectedFailures", 3)
			.containsEntry("reachedCaller", 3);
	}

	@Test
	void deleteOverHttpStartsANewEmptyReport() {
		findStockThreeTimesWhileTheRepositoryFails();
		Http.Response response = new Http(this.port).delete("/actuator/chaos/report");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("injections")).asInstanceOf(MAP).containsEntry("total", 0);
		assertThat(this.chaos.report().injections().total()).isZero();
		assertThat(this.chaos.report().unprotected()).isEmpty();
	}

	/**
	 * The payments breaker ({@code minimumNumberOfCalls=5}) opens after five injected
	 * failures; its fallback serves all eight calls.
	 */
	private void chargeEightTimesWhilePaymentsFail() {
		this.chaos.assault("payments-down")
			.target((target) -> target.methods("charge"))
			.exception(IllegalStateException.class, "payments unreachable")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 8; i++) {
			assertThat(this.payments.charge("o" + i)).isEqualTo("queued o" + i);
		}
	}

	/** The ledger breaker ignores the injected {@code IllegalStateException}. */
	private void postFiveLedgerEntriesWhileTheLedgerFails() {
		this.chaos.assault("ledger-down")
			.target((target) -> target.methods("post"))
			.exception(IllegalStateException.class, "ledger down")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.ledger.post("e"));
		}
	}

	private void findStockThreeTimesWhileTheRepositoryFails() {
		this.chaos.assault("stock-down")
			.target((target) -> target.methods("find"))
			.exception(IllegalStateException.class, "stock down")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.stock.find("sku"));
		}
	}

	private double verdicts(Verdict verdict) {
		return this.meters.get("chaos.report.verdicts").tag("verdict", verdict.name()).gauge().value();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entry(Map<String, Object> report, String section, String key, String value) {
		List<Map<String, Object>> entries = (List<Map<String, Object>>) report.get(section);
		assertThat(entries).as(section).isNotNull();
		return entries.stream()
			.filter((candidate) -> value.equals(candidate.get(key)))
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("no " + section + " entry with " + key + "=" + value + " in " + entries));
	}

	private long injected(String assault) {
		return this.chaos.state().assaults().get(assault).injected();
	}

	private static ChaosProperties.Assault exception(String method, String type) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.getTarget().getMethods().add(method);
		ChaosProperties.ExceptionEffect exception = new ChaosProperties.ExceptionEffect();
		if (type != null) {
			exception.setType(type);
		}
		assault.setException(exception);
		return assault;
	}

	private static ChaosProperties.Assault latency(String method, Duration delay) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.getTarget().getMethods().add(method);
		ChaosProperties.Latency latency = new ChaosProperties.Latency();
		latency.setMin(delay);
		latency.setMax(delay);
		assault.setLatency(latency);
		return assault;
	}

	private void attack(String name, ChaosProperties.Assault assault) {
		apply(null, Map.of(name, assault));
	}

	private void apply(Long seed, Map<String, ChaosProperties.Assault> assaults) {
		this.chaos.halt();
		assaults.forEach((name, assault) -> this.engine.put(name, assault, "test", "attack " + name));
		Map<String, Object> on = new LinkedHashMap<>();
		on.put("enabled", true);
		if (seed != null) {
			on.put("seed", seed);
		}
		this.chaos.change(on);
	}

}
