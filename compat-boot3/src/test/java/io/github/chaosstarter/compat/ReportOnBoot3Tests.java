package io.github.chaosstarter.compat;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.compat.Boot3ShopApplication.LedgerService;
import io.github.chaosstarter.compat.Boot3ShopApplication.PaymentService;
import io.github.chaosstarter.compat.Boot3ShopApplication.StockRepository;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The resilience report on Spring Boot 3.5 with real {@code resilience4j-spring-boot3}
 * instances configured by properties: the report's verdicts, read through the
 * {@link Chaos} API, as JSON from {@code GET /actuator/chaos/report} (written by Boot
 * 3.5's Jackson 2) and as the Micrometer gauge {@code chaos.report.verdicts}.
 */
@SpringBootTest(classes = Boot3ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", EndpointOnBoot3HttpTests.EXPOSE,
				EndpointOnBoot3HttpTests.UNRESTRICTED,
				"resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.payments.sliding-window-size=5",
				"resilience4j.circuitbreaker.instances.payments.wait-duration-in-open-state=1h",
				"resilience4j.circuitbreaker.instances.ledger.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.ledger.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.ledger.ignore-exceptions=java.lang.IllegalStateException",
				// configured instances are in the registries from the start; the others
				// appear on first call
				"resilience4j.circuitbreaker.instances.refunds.minimum-number-of-calls=4",
				"resilience4j.retry.instances.inventory.max-attempts=3" })
class ReportOnBoot3Tests {

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	PaymentService payments;

	@Autowired
	LedgerService ledger;

	@Autowired
	StockRepository stock;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@BeforeEach
	void startANewExperiment() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.chaos.resetReport();
	}

	@AfterEach
	void haltChaos() {
		this.chaos.halt();
	}

	@Test
	void circuitBreakerThatOpensOnInjectedFailuresReactedWithATransition() {
		chargeEightTimesWhilePaymentsFail();
		CircuitBreakerReport breaker = this.chaos.report().circuitBreaker("payments");
		assertThat(breaker).isNotNull();
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
		chargeEightTimesWhilePaymentsFail();
		FallbackReport fallback = this.chaos.report().fallback("PaymentService.charge");
		assertThat(fallback).isNotNull();
		assertThat(fallback.fallbackMethod()).isEqualTo("chargeFallback");
		assertThat(fallback.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(fallback.invocations()).isEqualTo(8);
	}

	@Test
	void circuitBreakerThatIgnoresTheInjectedExceptionDidNotReactAndSaysWhy() {
		postFiveLedgerEntriesWhileTheLedgerFails();
		CircuitBreakerReport breaker = this.chaos.report().circuitBreaker("ledger");
		assertThat(breaker).isNotNull();
		assertThat(breaker.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(breaker.injectedFailures()).isZero();
		assertThat(breaker.transitions()).isEmpty();
		assertThat(breaker.reason()).isEqualTo(
				"the injected java.lang.IllegalStateException is in ignoreExceptions of circuit breaker `ledger`");
	}

	@Test
	void unattackedInstancesWereNotExercisedAndUnguardedMethodsAreUnprotected() {
		findStockThreeTimesWhileTheRepositoryFails();
		ResilienceReport report = this.chaos.report();
		assertThat(report.injections().total()).isEqualTo(3);
		assertThat(report.injections().byAssault()).containsExactly(Map.entry("stock-down", 3L));
		assertThat(report.circuitBreaker("refunds").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.retry("inventory").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.unprotected()).singleElement().satisfies((unprotected) -> {
			assertThat(unprotected.method()).isEqualTo("StockRepository.find");
			assertThat(unprotected.injectedFailures()).isEqualTo(3);
			assertThat(unprotected.reachedCaller()).isEqualTo(3);
		});
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
		Boot3Http http = new Boot3Http(this.port);
		Boot3Http.Response response = http.get("/actuator/chaos/report");
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
		Boot3Http http = new Boot3Http(this.port);
		Boot3Http.Response response = http.delete("/actuator/chaos/report");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("injections")).asInstanceOf(MAP).containsEntry("total", 0);
		assertThat(this.chaos.report().injections().total()).isZero();
		assertThat(this.chaos.report().unprotected()).isEmpty();
	}

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

	private void postFiveLedgerEntriesWhileTheLedgerFails() {
		this.chaos.assault("ledger-down")
			.target((target) -> target.methods("post"))
			.exception(IllegalStateException.class, "ledger down")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 5; i++) {
			assertThatIllegalStateException().isThrownBy(() -> this.ledger.post("e"));
		}
	}

	private void findStockThreeTimesWhileTheRepositoryFails() {
		this.chaos.assault("stock-down")
			.target((target) -> target.methods("find"))
			.exception(IllegalStateException.class, "stock down")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 3; i++) {
			assertThatIllegalStateException().isThrownBy(() -> this.stock.find("sku"));
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

}
