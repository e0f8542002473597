package io.github.chaosstarter.scenarios.conformance;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.TargetBuilder;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ResilienceReport.BulkheadReport;
import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;
import io.github.chaosstarter.report.Verdict;
import io.github.chaosstarter.scenarios.conformance.Resilience4jEvents.BreakerLog;
import io.github.chaosstarter.scenarios.conformance.Resilience4jEvents.BulkheadLog;
import io.github.chaosstarter.scenarios.conformance.Resilience4jEvents.LimiterLog;
import io.github.chaosstarter.scenarios.conformance.Resilience4jEvents.RetryLog;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.AccountService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.BillingService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.CatalogService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.CloudStockService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.DepotService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.DirectoryRepository;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.DocumentService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.InvoiceService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.LedgerService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.LimitedQuoteService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.OrderService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.PriceService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.PumpService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.QuoteService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.RestClientGateway;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.RestTemplateGateway;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.StockService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.SupplierGateway;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.Tally;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.TrafficService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.VaultService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.WarehouseService;
import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication.WebClientGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The conformance suite of the resilience report: each scenario drives a real application
 * with real Resilience4j instances through a deterministic schedule of injected faults
 * and real failures, then checks every verdict and count of the report against that
 * schedule and against Resilience4j's own events, which the scenario reads through
 * consumers of its own ({@link Resilience4jEvents}). A resilience event counts only when
 * its call carried an injected fault: a scenario whose ground truth has no injected cause
 * for a mechanism's reaction asserts that the mechanism is not {@code REACTED}. Run on
 * Spring MVC and on WebFlux by the subclasses, on each Spring Boot line by the module
 * that compiles this source.
 */
@TestPropertySource(properties = { "resilience4j.timelimiter.instances.quotes.timeout-duration=500ms",
		"resilience4j.circuitbreaker.instances.accounts.sliding-window-size=5",
		"resilience4j.circuitbreaker.instances.accounts.minimum-number-of-calls=5",
		"resilience4j.circuitbreaker.instances.accounts.failure-rate-threshold=50",
		"resilience4j.circuitbreaker.instances.accounts.slow-call-duration-threshold=2s",
		"resilience4j.circuitbreaker.instances.accounts.wait-duration-in-open-state=1h",
		"resilience4j.bulkhead.instances.ledger.max-concurrent-calls=1",
		"resilience4j.bulkhead.instances.ledger.max-wait-duration=0",
		"resilience4j.timelimiter.instances.reports.timeout-duration=300ms",
		"resilience4j.bulkhead.instances.archive.max-concurrent-calls=1",
		"resilience4j.bulkhead.instances.archive.max-wait-duration=0",
		"resilience4j.retry.instances.prices.max-attempts=3", "resilience4j.retry.instances.prices.wait-duration=10ms",
		"resilience4j.timelimiter.instances.prices.timeout-duration=300ms",
		"resilience4j.retry.instances.stock.max-attempts=3", "resilience4j.retry.instances.stock.wait-duration=10ms",
		"resilience4j.thread-pool-bulkhead.instances.warehouse.core-thread-pool-size=1",
		"resilience4j.thread-pool-bulkhead.instances.warehouse.max-thread-pool-size=1",
		"resilience4j.thread-pool-bulkhead.instances.warehouse.queue-capacity=0",
		"resilience4j.bulkhead.instances.warehouse.max-concurrent-calls=1",
		"resilience4j.bulkhead.instances.warehouse.max-wait-duration=0",
		"resilience4j.retry.instances.rest-client-retry.max-attempts=3",
		"resilience4j.retry.instances.rest-client-retry.wait-duration=10ms",
		"resilience4j.retry.instances.rest-template-retry.max-attempts=3",
		"resilience4j.retry.instances.rest-template-retry.wait-duration=10ms",
		"resilience4j.retry.instances.web-client-retry.max-attempts=3",
		"resilience4j.retry.instances.web-client-retry.wait-duration=10ms",
		"resilience4j.circuitbreaker.instances.rest-client-breaker.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.rest-client-breaker.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.rest-client-breaker.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.rest-template-breaker.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.rest-template-breaker.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.rest-template-breaker.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.web-client-breaker.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.web-client-breaker.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.web-client-breaker.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.catalog.sliding-window-size=3",
		"resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=3",
		"resilience4j.circuitbreaker.instances.catalog.wait-duration-in-open-state=1h",
		"resilience4j.retry.instances.catalog.max-attempts=3",
		"resilience4j.retry.instances.catalog.wait-duration=10ms",
		"resilience4j.circuitbreaker.instances.orders.sliding-window-size=5",
		"resilience4j.circuitbreaker.instances.orders.minimum-number-of-calls=5",
		"resilience4j.circuitbreaker.instances.orders.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.billing.sliding-window-size=10",
		"resilience4j.circuitbreaker.instances.billing.minimum-number-of-calls=10",
		"resilience4j.circuitbreaker.instances.billing.failure-rate-threshold=50",
		"resilience4j.circuitbreaker.instances.billing.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.invoices.sliding-window-size=6",
		"resilience4j.circuitbreaker.instances.invoices.minimum-number-of-calls=6",
		"resilience4j.circuitbreaker.instances.invoices.failure-rate-threshold=50",
		"resilience4j.circuitbreaker.instances.invoices.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.traffic.sliding-window-size=160",
		"resilience4j.circuitbreaker.instances.traffic.minimum-number-of-calls=160",
		"resilience4j.circuitbreaker.instances.traffic.failure-rate-threshold=40",
		"resilience4j.circuitbreaker.instances.traffic.wait-duration-in-open-state=1h",
		"resilience4j.timelimiter.instances.stage-limiter.timeout-duration=500ms",
		"resilience4j.timelimiter.instances.mono-limiter.timeout-duration=500ms",
		"resilience4j.timelimiter.instances.flux-limiter.timeout-duration=500ms",
		"resilience4j.timelimiter.instances.feed-limiter.timeout-duration=500ms",
		"resilience4j.timelimiter.instances.vault.timeout-duration=400ms",
		"resilience4j.bulkhead.instances.vault.max-concurrent-calls=5",
		"resilience4j.circuitbreaker.instances.cloud.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.cloud.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.cloud.wait-duration-in-open-state=1h",
		"resilience4j.circuitbreaker.instances.pumps.sliding-window-size=2",
		"resilience4j.circuitbreaker.instances.pumps.minimum-number-of-calls=2",
		"resilience4j.circuitbreaker.instances.pumps.slow-call-duration-threshold=300ms",
		"resilience4j.circuitbreaker.instances.pumps.slow-call-rate-threshold=50",
		"resilience4j.circuitbreaker.instances.pumps.wait-duration-in-open-state=1h",
		"resilience4j.bulkhead.instances.depot.max-concurrent-calls=1",
		"resilience4j.bulkhead.instances.depot.max-wait-duration=0" })
abstract class AbstractConformanceTests {

	private static final long SEED = 42L;

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Injected latency far beyond the timeouts of the time limiters (300-500ms). */
	private static final Duration OVERLONG = Duration.ofMillis(1500);

	/** Injected latency far within the timeouts of the time limiters. */
	private static final Duration BRIEF = Duration.ofMillis(50);

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	TimeLimiterRegistry timeLimiters;

	@Autowired
	BulkheadRegistry bulkheads;

	@Autowired
	ThreadPoolBulkheadRegistry threadPoolBulkheads;

	@Autowired
	Tally tally;

	@Autowired
	QuoteService quotes;

	@Autowired
	AccountService accounts;

	@Autowired
	LedgerService ledger;

	@Autowired
	DocumentService documents;

	@Autowired
	PriceService prices;

	@Autowired
	StockService stock;

	@Autowired
	WarehouseService warehouse;

	@Autowired
	RestClientGateway restClient;

	@Autowired
	RestTemplateGateway restTemplate;

	@Autowired
	WebClientGateway webClient;

	@Autowired
	CatalogService catalog;

	@Autowired
	OrderService orders;

	@Autowired
	BillingService billing;

	@Autowired
	InvoiceService invoices;

	@Autowired
	TrafficService traffic;

	@Autowired
	LimitedQuoteService limitedQuotes;

	@Autowired
	VaultService vault;

	@Autowired
	CloudStockService cloudStock;

	@Autowired
	DirectoryRepository directory;

	@Autowired
	PumpService pumps;

	@Autowired
	DepotService depot;

	private ExecutorService executor;

	@BeforeEach
	void startClean() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		Resilience4jEvents.clear();
		this.tally.reset();
		this.executor = Executors.newCachedThreadPool();
	}

	@AfterEach
	void haltChaos() {
		this.chaos.halt();
		this.executor.shutdownNow();
	}

	// time limiters

	/**
	 * 3 calls of {@code quote} delayed by 50-100ms (timeout 500ms), then 2 calls of the
	 * untargeted {@code slowQuote} that really take 1.5s under the same limiter.
	 * Expected: limiter `quotes` not REACTED, timeouts 0, otherTimeouts = onTimeout
	 * events (2).
	 */
	@Test
	void timeLimiterThatCutsOnlyRealSlownessIsNotCredited() {
		LimiterLog limiter = limiterEvents("quotes");
		this.chaos.assault("quotes-jitter")
			.target(on(QuoteService.class, "quote"))
			.latency(Duration.ofMillis(50), Duration.ofMillis(100))
			.probability(1.0)
			.apply();
		start();
		for (int i = 0; i < 3; i++) {
			assertThat(this.quotes.quote("sku" + i)).succeedsWithin(WAIT).isEqualTo("quote sku" + i);
		}
		for (int i = 0; i < 2; i++) {
			assertTimedOut(this.quotes.slowQuote("sku" + i));
		}
		assertThat(injected("quotes-jitter")).isEqualTo(3);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertThat(limiter.successes()).isEqualTo(3);
		TimeLimiterReport report = report().timeLimiter("quotes");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.timeouts()).isZero();
		assertThat(report.otherTimeouts()).isEqualTo(limiter.timeouts());
	}

	/**
	 * 2 calls of {@code stage} delayed by 1.5s (timeout 500ms). Expected: REACTED,
	 * timeouts = onTimeout events (2), otherTimeouts 0.
	 */
	@Test
	void completionStageTimedOutDuringInjectedLatencyIsCredited() {
		LimiterLog limiter = limiterEvents("stage-limiter");
		slow(LimitedQuoteService.class, "stage", OVERLONG);
		start();
		for (int i = 0; i < 2; i++) {
			assertTimedOut(this.limitedQuotes.stage("s" + i));
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertLimiterReacted("stage-limiter", limiter);
	}

	/**
	 * 2 calls of {@code stage} delayed by 50ms (timeout 500ms). Expected: NOT_EXERCISED,
	 * timeouts 0 (onTimeout events 0).
	 */
	@Test
	void completionStageDelayedWithinTheTimeoutIsNotExercised() {
		LimiterLog limiter = limiterEvents("stage-limiter");
		slow(LimitedQuoteService.class, "stage", BRIEF);
		start();
		for (int i = 0; i < 2; i++) {
			assertThat(this.limitedQuotes.stage("s" + i)).succeedsWithin(WAIT).isEqualTo("stage s" + i);
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isZero();
		assertThat(limiter.successes()).isEqualTo(2);
		assertLimiterNotExercised("stage-limiter");
	}

	/**
	 * 2 subscriptions of {@code mono} delayed by 1.5s (timeout 500ms). Expected: REACTED,
	 * timeouts = onTimeout events (2).
	 */
	@Test
	void monoTimedOutDuringInjectedLatencyIsCredited() {
		LimiterLog limiter = limiterEvents("mono-limiter");
		slow(LimitedQuoteService.class, "mono", OVERLONG);
		start();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.limitedQuotes.mono("m" + i)).expectError(TimeoutException.class).verify(WAIT);
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertLimiterReacted("mono-limiter", limiter);
	}

	/**
	 * 2 subscriptions of {@code mono} delayed by 50ms (timeout 500ms). Expected:
	 * NOT_EXERCISED, timeouts 0.
	 */
	@Test
	void monoDelayedWithinTheTimeoutIsNotExercised() {
		LimiterLog limiter = limiterEvents("mono-limiter");
		slow(LimitedQuoteService.class, "mono", BRIEF);
		start();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.limitedQuotes.mono("m" + i))
				.expectNext("mono m" + i)
				.expectComplete()
				.verify(WAIT);
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isZero();
		assertLimiterNotExercised("mono-limiter");
	}

	/**
	 * 2 subscriptions of {@code flux} delayed by 1.5s (timeout 500ms). Expected: REACTED,
	 * timeouts = onTimeout events (2).
	 */
	@Test
	void fluxTimedOutDuringInjectedLatencyIsCredited() {
		LimiterLog limiter = limiterEvents("flux-limiter");
		slow(LimitedQuoteService.class, "flux", OVERLONG);
		start();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.limitedQuotes.flux("f" + i)).expectError(TimeoutException.class).verify(WAIT);
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertLimiterReacted("flux-limiter", limiter);
	}

	/**
	 * 2 subscriptions of {@code flux} delayed by 50ms (timeout 500ms). Expected:
	 * NOT_EXERCISED, timeouts 0.
	 */
	@Test
	void fluxDelayedWithinTheTimeoutIsNotExercised() {
		LimiterLog limiter = limiterEvents("flux-limiter");
		slow(LimitedQuoteService.class, "flux", BRIEF);
		start();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.limitedQuotes.flux("f" + i))
				.expectNext("flux f" + i, "more f" + i)
				.expectComplete()
				.verify(WAIT);
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isZero();
		assertLimiterNotExercised("flux-limiter");
	}

	/**
	 * Time limiter `feed-limiter` (500ms): a subscription to {@code preview}, delayed by
	 * 1.5s, is disposed by its caller at once (the limiter never times it out); right
	 * after, on the same thread, {@code feed} fails with its own, real TimeoutException,
	 * which Resilience4j publishes as a timeout. Expected: onTimeout events 1; the
	 * limiter not REACTED, timeouts 0, otherTimeouts 1.
	 */
	@Test
	void realTimeoutRightAfterACallerCancelledAnInjectedDelayIsNotCredited() {
		LimiterLog limiter = limiterEvents("feed-limiter");
		slow(LimitedQuoteService.class, "preview", OVERLONG);
		start();
		Disposable preview = this.limitedQuotes.preview("p").subscribe();
		preview.dispose();
		StepVerifier.create(this.limitedQuotes.feed("f")).expectError(TimeoutException.class).verify(WAIT);
		assertThat(injected("slow")).isEqualTo(1);
		assertThat(limiter.timeouts()).isEqualTo(1);
		TimeLimiterReport report = report().timeLimiter("feed-limiter");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.timeouts()).isZero();
		assertThat(report.otherTimeouts()).isEqualTo(limiter.timeouts());
	}

	/**
	 * 2 calls of {@code open} (time limiter `vault` 400ms over semaphore bulkhead `vault`
	 * with 5 permits) delayed by 1.5s. Expected: limiter REACTED, timeouts = onTimeout
	 * events (2); bulkhead not REACTED, no rejection (onCallRejected 0).
	 */
	@Test
	void timeLimiterOverABulkheadCreditsTimeoutsOfInjectedLatency() {
		LimiterLog limiter = limiterEvents("vault");
		BulkheadLog bulkhead = bulkheadEvents("vault");
		slow(VaultService.class, "open", OVERLONG);
		start();
		for (int i = 0; i < 2; i++) {
			assertTimedOut(this.vault.open("box" + i));
		}
		assertThat(injected("slow")).isEqualTo(2);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertThat(bulkhead.permitted()).isEqualTo(2);
		assertThat(bulkhead.rejected()).isZero();
		assertLimiterReacted("vault", limiter);
		BulkheadReport report = report().bulkhead("vault");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.rejectedCalls()).isZero();
		assertThat(report.otherRejections()).isZero();
	}

	// circuit breakers

	/**
	 * 2 calls of {@code balance} delayed by 10ms (slowCallDurationThreshold 2s), then 3
	 * real IllegalArgumentExceptions of {@code transfer} open the 5-call breaker
	 * `accounts`. Expected: not REACTED, injectedFailures 0, injectedSlowCalls 0; one
	 * opening (CLOSED->OPEN in Resilience4j's events) not caused by injection, with 0
	 * injected and 3 real failures of 5 calls.
	 */
	@Test
	void breakerOpenedByRealFailuresAfterHarmlessInjectedLatencyIsNotCredited() {
		BreakerLog breaker = breakerEvents("accounts");
		this.chaos.assault("accounts-jitter")
			.target(on(AccountService.class, "balance"))
			.latency(Duration.ofMillis(10))
			.maxInjections(2)
			.apply();
		start();
		for (int i = 0; i < 2; i++) {
			assertThat(this.accounts.balance("a" + i)).isEqualTo("balance of a" + i);
		}
		for (int i = 0; i < 3; i++) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.accounts.transfer("a"));
		}
		assertThat(injected("accounts-jitter")).isEqualTo(2);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors(IllegalArgumentException.class)).isEqualTo(3).isEqualTo(breaker.errors().size());
		assertThat(breaker.successes()).isEqualTo(2);
		CircuitBreakerReport report = report().circuitBreaker("accounts");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isZero();
		assertThat(report.injectedSlowCalls()).isZero();
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, 0, breaker.errors(IllegalArgumentException.class));
			assertThat(opening.injectedSlowCalls()).isZero();
			assertThat(opening.causedByInjection()).isFalse();
		});
	}

	/**
	 * 5 injected ChaosExceptions on {@code place} open the 5-call breaker `orders`, 2
	 * more calls are not permitted. Expected: REACTED, injectedFailures = onError events
	 * (5), notPermittedCalls = notPermittedAfterInjection = onCallNotPermitted events
	 * (2), an opening caused by injection with 5 injected and 0 real failures.
	 */
	@Test
	void breakerOpenedByInjectedFailuresIsCredited() {
		BreakerLog breaker = breakerEvents("orders");
		this.chaos.assault("orders-down").target(on(OrderService.class, "place")).exception().apply();
		start();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.orders.place("o"))
				.withMessageStartingWith("Chaos assault 'orders-down': ");
		}
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> this.orders.place("o"));
		}
		assertThat(injected("orders-down")).isEqualTo(5);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors(ChaosException.class)).isEqualTo(5).isEqualTo(breaker.errors().size());
		assertThat(breaker.notPermitted()).isEqualTo(2);
		CircuitBreakerReport report = report().circuitBreaker("orders");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isEqualTo(breaker.errors(ChaosException.class));
		assertThat(report.notPermittedCalls()).isEqualTo(breaker.notPermitted());
		assertThat(report.notPermittedAfterInjection()).isEqualTo(breaker.notPermitted());
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, breaker.errors(ChaosException.class), 0);
			assertThat(opening.afterInjections()).isEqualTo(breaker.errors(ChaosException.class));
			assertThat(opening.causedByInjection()).isTrue();
		});
	}

	/**
	 * Window 10, failureRateThreshold 50%: 6 injected ChaosExceptions on {@code charge}
	 * and 4 real IllegalArgumentExceptions on {@code refund}, interleaved, the last call
	 * real. Expected: REACTED; the opening has 6 injected and 4 real failures of 10 calls
	 * (onError events split by type) and is caused by injection (6/10 >= 50%).
	 */
	@Test
	void injectedFailuresThatAloneReachTheRateAreCredited() {
		BreakerLog breaker = breakerEvents("billing");
		this.chaos.assault("billing-down")
			.target(on(BillingService.class, "charge"))
			.exception()
			.maxInjections(6)
			.apply();
		start();
		for (boolean injected : new boolean[] { false, true, true, false, true, true, false, true, true, false }) {
			if (injected) {
				assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.billing.charge("o"));
			}
			else {
				assertThatIllegalArgumentException().isThrownBy(() -> this.billing.refund("o"));
			}
		}
		assertThat(injected("billing-down")).isEqualTo(6);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors(ChaosException.class)).isEqualTo(6);
		assertThat(breaker.errors(IllegalArgumentException.class)).isEqualTo(4);
		CircuitBreakerReport report = report().circuitBreaker("billing");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isEqualTo(breaker.errors(ChaosException.class));
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, breaker.errors(ChaosException.class),
					breaker.errors(IllegalArgumentException.class));
			assertThat(opening.causedByInjection()).isTrue();
		});
	}

	/**
	 * Window 6, failureRateThreshold 50%: 2 injected ChaosExceptions on {@code issue} and
	 * 4 real IllegalArgumentExceptions on {@code cancel}. Expected: DID_NOT_REACT (2/6 <
	 * 50%, only the real ones reach the rate); reason names "2 injected and 4 real
	 * failures of 6 calls"; the opening is not caused by injection.
	 */
	@Test
	void openingThatOnlyRealFailuresExplainDidNotReact() {
		BreakerLog breaker = breakerEvents("invoices");
		this.chaos.assault("invoices-down")
			.target(on(InvoiceService.class, "issue"))
			.exception()
			.maxInjections(2)
			.apply();
		start();
		for (boolean injected : new boolean[] { true, false, true, false, false, false }) {
			if (injected) {
				assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.invoices.issue("o"));
			}
			else {
				assertThatIllegalArgumentException().isThrownBy(() -> this.invoices.cancel("o"));
			}
		}
		assertThat(injected("invoices-down")).isEqualTo(2);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		long injected = breaker.errors(ChaosException.class);
		long real = breaker.errors(IllegalArgumentException.class);
		assertThat(injected).isEqualTo(2);
		assertThat(real).isEqualTo(4);
		CircuitBreakerReport report = report().circuitBreaker("invoices");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.DID_NOT_REACT);
		assertThat(report.injectedFailures()).isEqualTo(injected);
		assertThat(report.reason())
			.contains(injected + " injected and " + real + " real failures of " + breaker.calls() + " calls");
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, injected, real);
			assertThat(opening.causedByInjection()).isFalse();
		});
	}

	/**
	 * 4 threads, 20 rounds each, interleave {@code route} (injected ChaosException) and
	 * {@code relay} (real IllegalStateException in 3 of 4 rounds, else a success) on one
	 * breaker whose window (160 calls) trips on the last call (threshold 40%). Expected:
	 * injectedFailures = ChaosException onError events (80); the opening's injected and
	 * real failures = the onError events split by type (80 and 60 of 160); REACTED
	 * (80/160 >= 40%).
	 */
	@Test
	void concurrentInjectedAndRealFailuresAreToldApart() throws Exception {
		BreakerLog breaker = breakerEvents("traffic");
		this.chaos.assault("traffic-down").target(on(TrafficService.class, "route")).exception().apply();
		start();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			String thread = "t" + t;
			threads.add(CompletableFuture.runAsync(() -> {
				awaitQuietly(go);
				for (int i = 0; i < 20; i++) {
					String request = thread + "-" + i;
					catchThrowable(() -> this.traffic.route(request));
					boolean fail = i % 4 != 0;
					catchThrowable(() -> this.traffic.relay(request, fail));
				}
			}, this.executor));
		}
		go.countDown();
		CompletableFuture.allOf(threads.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
		assertThat(injected("traffic-down")).isEqualTo(80);
		assertThat(breaker.errors(ChaosException.class)).isEqualTo(80);
		assertThat(breaker.errors(IllegalStateException.class)).isEqualTo(60);
		assertThat(breaker.calls()).isEqualTo(160);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.notPermitted()).isZero();
		CircuitBreakerReport report = report().circuitBreaker("traffic");
		assertThat(report).isNotNull();
		assertThat(report.injectedFailures()).isEqualTo(breaker.errors(ChaosException.class));
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, breaker.errors(ChaosException.class),
					breaker.errors(IllegalStateException.class));
			assertThat(opening.causedByInjection()).isTrue();
		});
	}

	/**
	 * Spring Cloud CircuitBreaker `cloud` (window 4) around a watched bean that always
	 * fails by injection, 6 calls, each served by the fallback function. Expected:
	 * REACTED, injectedFailures = onError events (4), notPermittedCalls =
	 * onCallNotPermitted events (2), an opening caused by injection.
	 */
	@Test
	void springCloudCircuitBreakerOpenedByInjectedFailuresIsCredited() {
		BreakerLog breaker = breakerEvents("cloud");
		this.chaos.assault("supplier-down").target(on(SupplierGateway.class, "available")).exception().apply();
		start();
		for (int i = 0; i < 6; i++) {
			assertThat(this.cloudStock.available("sku")).isEqualTo(-1);
		}
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors(ChaosException.class)).isEqualTo(4).isEqualTo(breaker.errors().size());
		assertThat(injected("supplier-down")).isEqualTo(breaker.errors(ChaosException.class));
		assertThat(breaker.notPermitted()).isEqualTo(2);
		assertThat(this.tally.get("cloud-fallback")).isEqualTo(6);
		CircuitBreakerReport report = report().circuitBreaker("cloud");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isEqualTo(breaker.errors(ChaosException.class));
		assertThat(report.notPermittedCalls()).isEqualTo(breaker.notPermitted());
		assertThat(report.notPermittedAfterInjection()).isEqualTo(breaker.notPermitted());
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, breaker.errors(ChaosException.class), 0);
			assertThat(opening.causedByInjection()).isTrue();
		});
		// breaker `cloud` recorded every injected failure and the fallback served every
		// call: none reached the application's caller
		UnprotectedReport guarded = report().unprotected("SupplierGateway.available");
		if (guarded != null) {
			assertThat(guarded.reachedCaller())
				.as("injected failures of SupplierGateway.available that reached the "
						+ "caller, though breaker `cloud` recorded them and its fallback served every call")
				.isZero();
		}
	}

	/**
	 * Breaker `pumps` (window 2, slowCallDurationThreshold 300ms, slowCallRateThreshold
	 * 50%): {@code pump} is delayed by 1.5s on another thread; meanwhile {@code drain}
	 * really takes 600ms and a quick {@code check} follows, and these two real calls open
	 * the breaker (Resilience4j records the opening after 2 calls, both shorter than the
	 * injected delay); the injected call is recorded only afterwards. Expected: the
	 * opening has 0 injected and 1 real slow call and is not caused by injection; the
	 * breaker is not REACTED; injectedSlowCalls 1 (the injected call, recorded after the
	 * opening).
	 */
	@Test
	void breakerOpenedByRealSlowCallsWhileAnInjectedDelayIsInFlightIsNotCredited() {
		BreakerLog breaker = breakerEvents("pumps");
		slow(PumpService.class, "pump", OVERLONG);
		start();
		CompletableFuture<String> injected = CompletableFuture.supplyAsync(() -> this.pumps.pump("p"), this.executor);
		awaitInjected("slow", 1);
		assertThat(this.pumps.drain("d")).isEqualTo("drained d");
		assertThat(this.pumps.check("c")).isEqualTo("checked c");
		assertThat(injected).succeedsWithin(WAIT).isEqualTo("pumped p");
		assertThat(injected("slow")).isEqualTo(1);
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.callsAtOpenings()).containsExactly(2);
		assertThat(breaker.elapsed()).hasSize(3);
		assertThat(breaker.elapsed().subList(0, 2)).allSatisfy((elapsed) -> assertThat(elapsed).isLessThan(OVERLONG));
		assertThat(breaker.elapsed().get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(PumpService.DRAIN_MILLIS));
		assertThat(breaker.elapsed().get(2)).isGreaterThanOrEqualTo(OVERLONG);
		CircuitBreakerReport report = report().circuitBreaker("pumps");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.injectedFailures()).isZero();
		assertThat(report.injectedSlowCalls()).isEqualTo(1);
		assertThat(report.transitions()).singleElement().satisfies((opening) -> {
			assertThat(opening.to()).isEqualTo("OPEN");
			assertThat(opening.calls()).isEqualTo(2);
			assertThat(opening.injectedSlowCalls()).isZero();
			assertThat(opening.realSlowCalls()).isEqualTo(1);
			assertThat(opening.causedByInjection()).isFalse();
		});
	}

	/**
	 * Breaker `orders` (no fallback) is opened by 5 injected failures; breaker `catalog`
	 * (fallback {@code lookupFallback}) by 3 real IllegalArgumentExceptions. Then, on one
	 * thread, `orders` refuses a call and right after `catalog` refuses one, served by
	 * its fallback. Expected: `orders` REACTED, notPermittedAfterInjection 1; `catalog`
	 * not REACTED, notPermittedAfterInjection 0; the fallback of
	 * {@code CatalogService.lookup} (4 served: 3 real failures and 1 refusal of a breaker
	 * that real failures opened) not REACTED, invocations 0.
	 */
	@Test
	void fallbackOfARefusalByABreakerThatRealFailuresOpenedIsNotCredited() {
		BreakerLog ordersBreaker = breakerEvents("orders");
		BreakerLog catalogBreaker = breakerEvents("catalog");
		this.chaos.assault("orders-down").target(on(OrderService.class, "place")).exception().apply();
		start();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.orders.place("o"));
		}
		for (int i = 0; i < 3; i++) {
			assertThat(this.catalog.lookup("sku")).isEqualTo("unknown sku sku");
		}
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> this.orders.place("o"));
		assertThat(this.catalog.lookup("sku")).isEqualTo("unknown sku sku");
		assertThat(injected("orders-down")).isEqualTo(5);
		assertThat(ordersBreaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(ordersBreaker.notPermitted()).isEqualTo(1);
		assertThat(catalogBreaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(catalogBreaker.errors(IllegalArgumentException.class)).isEqualTo(3)
			.isEqualTo(catalogBreaker.errors().size());
		assertThat(catalogBreaker.notPermitted()).isEqualTo(1);
		assertThat(this.tally.failures("lookup-fallback")).hasSize(4);
		assertThat(Resilience4jEvents.count(this.tally.failures("lookup-fallback"), CallNotPermittedException.class))
			.isEqualTo(catalogBreaker.notPermitted());
		ResilienceReport report = report();
		CircuitBreakerReport orders = report.circuitBreaker("orders");
		assertThat(orders.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(orders.notPermittedAfterInjection()).isEqualTo(ordersBreaker.notPermitted());
		CircuitBreakerReport catalog = report.circuitBreaker("catalog");
		assertThat(catalog.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(catalog.injectedFailures()).isZero();
		assertThat(catalog.notPermittedCalls()).isEqualTo(catalogBreaker.notPermitted());
		assertThat(catalog.notPermittedAfterInjection()).isZero();
		assertFallbackNotCredited(report.fallback("CatalogService.lookup"));
	}

	// bulkheads

	/**
	 * One injected ChaosException (no latency) on {@code post}, then {@code reconcile}
	 * really holds the only permit of bulkhead `ledger` while 2 more calls arrive.
	 * Expected: not REACTED, rejectedCalls 0, otherRejections = onCallRejected events
	 * (2).
	 */
	@Test
	void bulkheadFullOfRealWorkIsNotCredited() throws Exception {
		BulkheadLog bulkhead = bulkheadEvents("ledger");
		this.chaos.assault("ledger-down").target(on(LedgerService.class, "post")).exception().maxInjections(1).apply();
		start();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.ledger.post("e1"));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> this.ledger.reconcile(started, release),
				this.executor);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BulkheadFullException.class)
				.isThrownBy(() -> this.ledger.reconcile(new CountDownLatch(1), new CountDownLatch(0)));
		}
		release.countDown();
		assertThat(holder).succeedsWithin(WAIT).isEqualTo("reconciled");
		assertThat(injected("ledger-down")).isEqualTo(1);
		assertThat(bulkhead.rejected()).isEqualTo(2);
		BulkheadReport report = report().bulkhead("ledger");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.rejectedCalls()).isZero();
		assertThat(report.otherRejections()).isEqualTo(bulkhead.rejected());
	}

	/**
	 * Thread-pool bulkhead `warehouse` (one thread, no queue) on {@code ship}, delayed by
	 * 1s, and a semaphore bulkhead also named `warehouse` on {@code count}, not attacked:
	 * a second {@code ship} arrives while the first holds the thread. Expected: two
	 * entries with their types; THREADPOOL REACTED with rejectedCalls = its
	 * onCallRejected events (1); SEMAPHORE NOT_EXERCISED, rejectedCalls 0.
	 */
	@Test
	void threadPoolBulkheadIsJudgedApartFromTheSemaphoreOfTheSameName() {
		BulkheadLog pool = Resilience4jEvents.of(this.threadPoolBulkheads.bulkhead("warehouse"));
		BulkheadLog semaphore = bulkheadEvents("warehouse");
		slow(WarehouseService.class, "ship", Duration.ofSeconds(1));
		start();
		CompletableFuture<String> first = this.warehouse.ship("p1");
		awaitCount("shipments-started", 1);
		CompletableFuture<String> second = this.warehouse.ship("p2");
		assertThat(second).failsWithin(WAIT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BulkheadFullException.class);
		assertThat(first).succeedsWithin(WAIT).isEqualTo("shipped p1");
		assertThat(this.warehouse.count("sku")).isEqualTo("counted sku");
		assertThat(injected("slow")).isEqualTo(1);
		assertThat(pool.rejected()).isEqualTo(1);
		assertThat(semaphore.rejected()).isZero();
		ResilienceReport report = report();
		BulkheadReport threadPool = report.bulkhead("warehouse", BulkheadReport.THREADPOOL);
		assertThat(threadPool).isNotNull();
		assertThat(threadPool.type()).isEqualTo("THREADPOOL");
		assertThat(threadPool.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(threadPool.rejectedCalls()).isEqualTo(pool.rejected());
		assertThat(threadPool.otherRejections()).isZero();
		BulkheadReport semaphoreReport = report.bulkhead("warehouse", BulkheadReport.SEMAPHORE);
		assertThat(semaphoreReport).isNotNull();
		assertThat(semaphoreReport.type()).isEqualTo("SEMAPHORE");
		assertThat(semaphoreReport.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(semaphoreReport.rejectedCalls()).isZero();
	}

	/**
	 * Bulkhead `depot` (1 permit, no fallback): {@code store} is delayed by 1s on another
	 * thread, so a second {@code store} is rejected while injected latency holds the
	 * permit. Bulkhead `archive` (1 permit, fallback {@code archiveFallback}): real work
	 * holds its permit, and right after, on the same thread, a call of {@code archive} is
	 * rejected and served by the fallback. Expected: `depot` REACTED, rejectedCalls 1;
	 * `archive` not REACTED, rejectedCalls 0, otherRejections 1; the fallback of
	 * {@code DocumentService.archive} not REACTED, invocations 0.
	 */
	@Test
	void fallbackOfARealRejectionRightAfterAnInjectedOneIsNotCredited() throws Exception {
		BulkheadLog depotBulkhead = bulkheadEvents("depot");
		BulkheadLog archiveBulkhead = bulkheadEvents("archive");
		slow(DepotService.class, "store", Duration.ofSeconds(1));
		start();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> archiving = CompletableFuture
			.supplyAsync(() -> this.documents.archive(started, release), this.executor);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> storing = CompletableFuture.supplyAsync(() -> this.depot.store("a"), this.executor);
		awaitInjected("slow", 1);
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(() -> this.depot.store("b"));
		assertThat(this.documents.archive(new CountDownLatch(1), new CountDownLatch(0))).isEqualTo("archived later");
		release.countDown();
		assertThat(archiving).succeedsWithin(WAIT).isEqualTo("archived");
		assertThat(storing).succeedsWithin(WAIT).isEqualTo("stored a");
		assertThat(injected("slow")).isEqualTo(1);
		assertThat(depotBulkhead.rejected()).isEqualTo(1);
		assertThat(archiveBulkhead.rejected()).isEqualTo(1);
		assertThat(Resilience4jEvents.count(this.tally.failures("archive-fallback"), BulkheadFullException.class))
			.isEqualTo(1);
		ResilienceReport report = report();
		BulkheadReport depotReport = report.bulkhead("depot");
		assertThat(depotReport.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(depotReport.rejectedCalls()).isEqualTo(depotBulkhead.rejected());
		BulkheadReport archiveReport = report.bulkhead("archive");
		assertThat(archiveReport.verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(archiveReport.rejectedCalls()).isZero();
		assertThat(archiveReport.otherRejections()).isEqualTo(archiveBulkhead.rejected());
		assertFallbackNotCredited(report.fallback("DocumentService.archive"));
	}

	// retries

	/**
	 * {@code price} (retry `prices`, 3 attempts, around time limiter `prices`, 300ms) is
	 * delayed by 1.5s at every attempt. Expected: retry REACTED, retryAttempts = onRetry
	 * events (2), exhausted = onError events (1); limiter REACTED, timeouts = onTimeout
	 * events (3).
	 */
	@Test
	void retriedTimeoutsOfInjectedLatencyAreCredited() {
		RetryLog retry = retryEvents("prices");
		LimiterLog limiter = limiterEvents("prices");
		slow(PriceService.class, "price", OVERLONG);
		start();
		assertTimedOut(this.prices.price("sku"));
		assertThat(injected("slow")).isEqualTo(3);
		assertThat(retry.retries()).hasSize(2)
			.allSatisfy((failure) -> assertThat(Resilience4jEvents.causedBy(failure, TimeoutException.class)).isTrue());
		assertThat(retry.exhausted()).isEqualTo(1);
		assertThat(limiter.timeouts()).isEqualTo(3);
		ResilienceReport report = report();
		RetryReport retryReport = report.retry("prices");
		assertThat(retryReport).isNotNull();
		assertThat(retryReport.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(retryReport.retryAttempts()).isEqualTo(retry.retries().size());
		assertThat(retryReport.exhausted()).isEqualTo(retry.exhausted());
		assertThat(retryReport.recovered()).isZero();
		TimeLimiterReport limiterReport = report.timeLimiter("prices");
		assertThat(limiterReport).isNotNull();
		assertThat(limiterReport.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(limiterReport.timeouts()).isEqualTo(limiter.timeouts());
		assertThat(limiterReport.otherTimeouts()).isZero();
	}

	/**
	 * {@code level} returns a Mono under retry `stock` (3 attempts); one injected
	 * ChaosException (max-injections 1). Expected: the caller gets the value; onRetry 1,
	 * onSuccess 1; retryAttempts 1, recovered 1, exhausted 0, REACTED.
	 */
	@Test
	void reactiveRetryRecoversFromOneInjectedFailure() {
		RetryLog retry = retryEvents("stock");
		this.chaos.assault("stock-flaky").target(on(StockService.class, "level")).exception().maxInjections(1).apply();
		start();
		StepVerifier.create(this.stock.level("sku")).expectNext(7).expectComplete().verify(WAIT);
		assertThat(injected("stock-flaky")).isEqualTo(1);
		assertThat(retry.retries()).hasSize(1)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ChaosException.class));
		assertThat(retry.recovered()).isEqualTo(1);
		assertThat(retry.exhausted()).isZero();
		RetryReport report = report().retry("stock");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.retryAttempts()).isEqualTo(retry.retries().size());
		assertThat(report.recovered()).isEqualTo(retry.recovered());
		assertThat(report.exhausted()).isZero();
	}

	// outbound dependencies

	/**
	 * RestClient under retry `rest-client-retry` (3 attempts); a client assault refuses
	 * the connection 4 times: the first call is exhausted, the second recovers on its
	 * second attempt, which reaches the downstream controller. Expected: retryAttempts =
	 * onRetry events (3), exhausted = onError events (1), recovered = onSuccess events
	 * (1), REACTED.
	 */
	@Test
	void restClientRetryCountsRetriesOfARefusedConnection() {
		retriesOfARefusedConnectionAreCounted("rest-client", this.restClient::fetch);
	}

	/**
	 * As {@link #restClientRetryCountsRetriesOfARefusedConnection()}, through a
	 * RestTemplate bean.
	 */
	@Test
	void restTemplateRetryCountsRetriesOfARefusedConnection() {
		retriesOfARefusedConnectionAreCounted("rest-template", this.restTemplate::fetch);
	}

	/**
	 * As {@link #restClientRetryCountsRetriesOfARefusedConnection()}, through a WebClient
	 * whose Mono the retry subscribes again.
	 */
	@Test
	void webClientRetryCountsRetriesOfARefusedConnection() {
		retriesOfARefusedConnectionAreCounted("web-client", () -> this.webClient.fetch().block(WAIT));
	}

	/**
	 * RestClient under breaker `rest-client-breaker` (window 4) with a fallback; a client
	 * assault answers every call with 503 without sending it; 6 calls. Expected: REACTED
	 * with an opening caused by injection (4 injected failures = onError events),
	 * notPermittedAfterInjection = onCallNotPermitted events (2), fallback REACTED with
	 * invocations = the application's fallback count (6); the downstream never reached.
	 */
	@Test
	void restClientBreakerOpenedByFakedErrorResponsesIsCredited() {
		breakerOpenedByFakedErrorResponsesIsCredited("rest-client", "RestClientGateway.status",
				this.restClient::status);
	}

	/**
	 * As {@link #restClientBreakerOpenedByFakedErrorResponsesIsCredited()}, through a
	 * RestTemplate bean.
	 */
	@Test
	void restTemplateBreakerOpenedByFakedErrorResponsesIsCredited() {
		breakerOpenedByFakedErrorResponsesIsCredited("rest-template", "RestTemplateGateway.status",
				this.restTemplate::status);
	}

	/**
	 * As {@link #restClientBreakerOpenedByFakedErrorResponsesIsCredited()}, through a
	 * WebClient under a reactive breaker.
	 */
	@Test
	void webClientBreakerOpenedByFakedErrorResponsesIsCredited() {
		breakerOpenedByFakedErrorResponsesIsCredited("web-client", "WebClientGateway.status",
				() -> this.webClient.status().block(WAIT));
	}

	// fallbacks

	/**
	 * While chaos attacks another bean, {@code render} really times out twice (time
	 * limiter `reports`, 300ms) and {@code archive} is really rejected twice (bulkhead
	 * `archive`), each served by its fallback. Expected: both fallbacks not REACTED with
	 * invocations 0 (or no entry), while the application counted 2 + 2 fallbacks for the
	 * TimeoutExceptions and BulkheadFullExceptions Resilience4j reported.
	 */
	@Test
	void fallbackServingRealTimeoutsAndRejectionsIsNotCredited() throws Exception {
		LimiterLog limiter = limiterEvents("reports");
		BulkheadLog archive = bulkheadEvents("archive");
		this.chaos.assault("orders-down").target(on(OrderService.class, "place")).exception().apply();
		start();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.orders.place("o"));
		for (int i = 0; i < 2; i++) {
			assertThat(this.documents.render("r" + i)).succeedsWithin(WAIT).isEqualTo("cached report r" + i);
		}
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> this.documents.archive(started, release),
				this.executor);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 2; i++) {
			assertThat(this.documents.archive(new CountDownLatch(1), new CountDownLatch(0)))
				.isEqualTo("archived later");
		}
		release.countDown();
		assertThat(holder).succeedsWithin(WAIT).isEqualTo("archived");
		assertThat(injected("orders-down")).isEqualTo(1);
		assertThat(limiter.timeouts()).isEqualTo(2);
		assertThat(archive.rejected()).isEqualTo(2);
		assertThat(Resilience4jEvents.count(this.tally.failures("render-fallback"), TimeoutException.class))
			.isEqualTo(limiter.timeouts());
		assertThat(Resilience4jEvents.count(this.tally.failures("archive-fallback"), BulkheadFullException.class))
			.isEqualTo(archive.rejected());
		ResilienceReport report = report();
		assertFallbackNotCredited(report.fallback("DocumentService.render"));
		assertFallbackNotCredited(report.fallback("DocumentService.archive"));
		assertThat(report.timeLimiter("reports").verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.timeLimiter("reports").timeouts()).isZero();
		assertThat(report.bulkhead("archive").verdict()).isNotEqualTo(Verdict.REACTED);
		assertThat(report.bulkhead("archive").rejectedCalls()).isZero();
	}

	// no injected cause

	/**
	 * Chaos on without any assault: real IllegalArgumentExceptions open breaker `catalog`
	 * (its fallback serves 4 calls) and exhaust retry `catalog`, a real slow call times
	 * out under `quotes`, real work fills bulkhead `ledger`. Expected: no injection,
	 * every mechanism of the report not REACTED, each count of injected faults 0, no
	 * unprotected method.
	 */
	@Test
	void realFailuresAloneLeaveEveryMechanismNotReacted() throws Exception {
		BreakerLog breaker = breakerEvents("catalog");
		RetryLog retry = retryEvents("catalog");
		LimiterLog limiter = limiterEvents("quotes");
		BulkheadLog bulkhead = bulkheadEvents("ledger");
		start();
		for (int i = 0; i < 4; i++) {
			assertThat(this.catalog.lookup("sku")).isEqualTo("unknown sku sku");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.search("q"));
		assertTimedOut(this.quotes.slowQuote("sku"));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> this.ledger.reconcile(started, release),
				this.executor);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(BulkheadFullException.class)
			.isThrownBy(() -> this.ledger.reconcile(new CountDownLatch(1), new CountDownLatch(0)));
		release.countDown();
		assertThat(holder).succeedsWithin(WAIT);
		assertThat(this.chaos.state().assaults()).isEmpty();
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors(IllegalArgumentException.class)).isEqualTo(3);
		assertThat(breaker.notPermitted()).isEqualTo(1);
		assertThat(this.tally.get("lookup-fallback")).isEqualTo(4);
		assertThat(retry.retries()).hasSize(2);
		assertThat(retry.exhausted()).isEqualTo(1);
		assertThat(this.tally.get("search-attempts")).isEqualTo(3);
		assertThat(limiter.timeouts()).isEqualTo(1);
		assertThat(bulkhead.rejected()).isEqualTo(1);
		ResilienceReport report = report();
		assertThat(report.injections().total()).isZero();
		assertNothingReacted(report);
		CircuitBreakerReport breakerReport = report.circuitBreaker("catalog");
		assertThat(breakerReport.injectedFailures()).isZero();
		assertThat(breakerReport.notPermittedAfterInjection()).isZero();
		assertThat(breakerReport.transitions()).allSatisfy((transition) -> {
			assertThat(transition.injectedFailures()).isZero();
			assertThat(transition.causedByInjection()).isFalse();
		});
		assertThat(report.retry("catalog").retryAttempts()).isZero();
		assertThat(report.retry("catalog").exhausted()).isZero();
		assertThat(report.timeLimiter("quotes").timeouts()).isZero();
		assertThat(report.bulkhead("ledger").rejectedCalls()).isZero();
		assertFallbackNotCredited(report.fallback("CatalogService.lookup"));
		assertThat(report.unprotected()).isEmpty();
	}

	/**
	 * Chaos on with assaults of probability 0 on every mechanism's methods: the same
	 * traffic as an experiment with faults (successes, real failures and a real timeout).
	 * Expected: no injection at all, nothing REACTED.
	 */
	@Test
	void chaosOnWithoutAnyInjectedFaultCreditsNothing() {
		BreakerLog breaker = breakerEvents("orders");
		RetryLog retry = retryEvents("catalog");
		LimiterLog limiter = limiterEvents("quotes");
		this.chaos.assault("never")
			.target((target) -> target.classes(OrderService.class.getName(), CatalogService.class.getName(),
					QuoteService.class.getName(), StockService.class.getName(), LedgerService.class.getName()))
			.exception()
			.probability(0.0)
			.apply();
		this.chaos.assault("never-slow")
			.target((target) -> target.classes(QuoteService.class.getName(), LimitedQuoteService.class.getName()))
			.latency(OVERLONG)
			.probability(0.0)
			.apply();
		start();
		for (int i = 0; i < 3; i++) {
			assertThat(this.orders.place("o" + i)).isEqualTo("placed o" + i);
		}
		assertThat(this.catalog.lookup("sku")).isEqualTo("unknown sku sku");
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.search("q"));
		assertThat(this.quotes.quote("sku")).succeedsWithin(WAIT);
		assertTimedOut(this.quotes.slowQuote("sku"));
		StepVerifier.create(this.stock.level("sku")).expectNext(7).expectComplete().verify(WAIT);
		StepVerifier.create(this.limitedQuotes.mono("m")).expectNext("mono m").expectComplete().verify(WAIT);
		assertThat(this.ledger.post("e")).isEqualTo("posted e");
		assertThat(injected("never")).isZero();
		assertThat(injected("never-slow")).isZero();
		assertThat(breaker.successes()).isEqualTo(3);
		assertThat(retry.retries()).hasSize(2);
		assertThat(limiter.timeouts()).isEqualTo(1);
		ResilienceReport report = report();
		assertThat(report.injections().total()).isZero();
		assertNothingReacted(report);
		assertThat(report.timeLimiter("quotes").timeouts()).isZero();
		assertThat(report.timeLimiter("quotes").otherTimeouts()).isEqualTo(limiter.timeouts());
		assertThat(report.unprotected()).isEmpty();
	}

	// unprotected methods

	/**
	 * {@code find()} twice and {@code find(String)} once, each delayed by 20ms, on a
	 * repository nothing guards. Expected: two entries named apart,
	 * {@code DirectoryRepository.find()} with 2 injected delays and
	 * {@code DirectoryRepository.find(String)} with 1, each with 0 injected failures, 0
	 * that reached the caller, and a longest delay of 20ms.
	 */
	@Test
	void unprotectedOverloadsThatReceivedOnlyLatencyAreListedApart() {
		this.chaos.assault("directory-slow")
			.target(on(DirectoryRepository.class, "find"))
			.latency(Duration.ofMillis(20))
			.apply();
		start();
		assertThat(this.directory.find()).isEqualTo("everyone");
		assertThat(this.directory.find()).isEqualTo("everyone");
		assertThat(this.directory.find("x")).isEqualTo("found x");
		assertThat(injected("directory-slow")).isEqualTo(3);
		ResilienceReport report = report();
		assertThat(report.unprotected()).extracting(UnprotectedReport::method)
			.containsExactlyInAnyOrder("DirectoryRepository.find()", "DirectoryRepository.find(String)");
		assertOnlyDelayed(report.unprotected("DirectoryRepository.find()"), 2);
		assertOnlyDelayed(report.unprotected("DirectoryRepository.find(String)"), 1);
	}

	// shared scenario bodies

	private void retriesOfARefusedConnectionAreCounted(String client, Supplier<String> fetch) {
		RetryLog retry = retryEvents(client + "-retry");
		this.chaos.assault(client + "-refused")
			.target(downstream(client, "retry"))
			.exception(ConnectException.class, "refused connection")
			.maxInjections(4)
			.apply();
		start();
		Throwable exhausted = catchThrowable(fetch::get);
		assertThat(exhausted).hasRootCauseInstanceOf(ConnectException.class)
			.hasStackTraceContaining("Chaos assault '" + client + "-refused': refused connection");
		assertThat(fetch.get()).isEqualTo("served " + client);
		assertThat(injected(client + "-refused")).isEqualTo(4);
		assertThat(this.tally.get("downstream-" + client)).isEqualTo(1);
		assertThat(retry.retries()).hasSize(3)
			.allSatisfy((failure) -> assertThat(Resilience4jEvents.causedBy(failure, ConnectException.class)).isTrue());
		assertThat(retry.exhausted()).isEqualTo(1);
		assertThat(retry.recovered()).isEqualTo(1);
		RetryReport report = report().retry(client + "-retry");
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.retryAttempts()).isEqualTo(retry.retries().size());
		assertThat(report.exhausted()).isEqualTo(retry.exhausted());
		assertThat(report.recovered()).isEqualTo(retry.recovered());
	}

	private void breakerOpenedByFakedErrorResponsesIsCredited(String client, String method, Supplier<String> status) {
		BreakerLog breaker = breakerEvents(client + "-breaker");
		this.chaos.assault(client + "-unavailable").target(downstream(client, "breaker")).errorResponse(503).apply();
		start();
		for (int i = 0; i < 6; i++) {
			assertThat(status.get()).isEqualTo("status unknown");
		}
		assertThat(this.tally.get("downstream-" + client)).isZero();
		assertThat(breaker.transitions()).containsExactly("CLOSED->OPEN");
		assertThat(breaker.errors()).hasSize(4).allSatisfy((failure) -> assertThat(status(failure)).isEqualTo(503));
		assertThat(injected(client + "-unavailable")).isEqualTo(breaker.errors().size());
		assertThat(breaker.notPermitted()).isEqualTo(2);
		int fallbacks = this.tally.get(client + "-fallback");
		assertThat(fallbacks).isEqualTo(6);
		ResilienceReport report = report();
		CircuitBreakerReport breakerReport = report.circuitBreaker(client + "-breaker");
		assertThat(breakerReport).isNotNull();
		assertThat(breakerReport.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(breakerReport.injectedFailures()).isEqualTo(breaker.errors().size());
		assertThat(breakerReport.notPermittedCalls()).isEqualTo(breaker.notPermitted());
		assertThat(breakerReport.notPermittedAfterInjection()).isEqualTo(breaker.notPermitted());
		assertThat(breakerReport.transitions()).singleElement().satisfies((opening) -> {
			assertOpening(opening, breaker, breaker.errors().size(), 0);
			assertThat(opening.causedByInjection()).isTrue();
		});
		FallbackReport fallback = report.fallback(method);
		assertThat(fallback).isNotNull();
		assertThat(fallback.fallbackMethod()).isEqualTo("statusFallback");
		assertThat(fallback.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(fallback.invocations()).isEqualTo(fallbacks);
	}

	// helpers

	private void start() {
		this.chaos.change(Map.of("seed", SEED));
		this.chaos.enable();
	}

	private void slow(Class<?> type, String method, Duration delay) {
		this.chaos.assault("slow").target(on(type, method)).latency(delay).probability(1.0).apply();
	}

	private static Consumer<TargetBuilder> on(Class<?> type, String method) {
		return (target) -> target.classes(type.getName()).methods(method);
	}

	private static Consumer<TargetBuilder> downstream(String client, String kind) {
		return (target) -> target.client((call) -> call.hosts("localhost").paths("/downstream/" + client + "/" + kind));
	}

	private long injected(String assault) {
		return this.chaos.state().assaults().get(assault).injected();
	}

	private ResilienceReport report() {
		return this.chaos.report();
	}

	private BreakerLog breakerEvents(String name) {
		return Resilience4jEvents.of(this.circuitBreakers.circuitBreaker(name));
	}

	private RetryLog retryEvents(String name) {
		return Resilience4jEvents.of(this.retries.retry(name));
	}

	private LimiterLog limiterEvents(String name) {
		return Resilience4jEvents.of(this.timeLimiters.timeLimiter(name));
	}

	private BulkheadLog bulkheadEvents(String name) {
		return Resilience4jEvents.of(this.bulkheads.bulkhead(name));
	}

	/**
	 * Wait until the assault injected {@code count} times and the report has learned of
	 * each injection: the engine counts a decision before it tells the report.
	 */
	private void awaitInjected(String assault, long count) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while ((injected(assault) < count || reported(assault) < count) && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(injected(assault)).isEqualTo(count);
		assertThat(reported(assault)).isEqualTo(count);
	}

	private long reported(String assault) {
		Number reported = report().injections().byAssault().get(assault);
		return (reported != null) ? reported.longValue() : 0;
	}

	private void awaitCount(String name, int count) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.tally.get(name) < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.tally.get(name)).isEqualTo(count);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void assertTimedOut(CompletableFuture<?> future) {
		assertThat(future).failsWithin(WAIT)
			.withThrowableOfType(ExecutionException.class)
			.satisfies((failure) -> assertThat(failure).hasRootCauseInstanceOf(TimeoutException.class));
	}

	private void assertLimiterReacted(String name, LimiterLog limiter) {
		TimeLimiterReport report = report().timeLimiter(name);
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(report.timeouts()).isEqualTo(limiter.timeouts());
		assertThat(report.otherTimeouts()).isZero();
	}

	private void assertLimiterNotExercised(String name) {
		TimeLimiterReport report = report().timeLimiter(name);
		assertThat(report).isNotNull();
		assertThat(report.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
		assertThat(report.timeouts()).isZero();
		assertThat(report.otherTimeouts()).isZero();
		assertThat(report.reason()).isNotBlank();
	}

	private static void assertOpening(Transition opening, BreakerLog breaker, long injectedFailures,
			long realFailures) {
		assertThat(opening.from()).isEqualTo("CLOSED");
		assertThat(opening.to()).isEqualTo("OPEN");
		assertThat(opening.calls()).isEqualTo(breaker.calls());
		assertThat(opening.injectedFailures()).isEqualTo(injectedFailures);
		assertThat(opening.realFailures()).isEqualTo(realFailures);
	}

	private static void assertFallbackNotCredited(FallbackReport fallback) {
		if (fallback != null) {
			assertThat(fallback.verdict()).isNotEqualTo(Verdict.REACTED);
			assertThat(fallback.invocations()).isZero();
		}
	}

	private static void assertOnlyDelayed(UnprotectedReport method, long delays) {
		assertThat(method).isNotNull();
		assertThat(method.injectedDelays()).isEqualTo(delays);
		assertThat(method.injectedFailures()).isZero();
		assertThat(method.reachedCaller()).isZero();
		assertThat(method.longestDelay()).isEqualTo("20ms");
	}

	private static void assertNothingReacted(ResilienceReport report) {
		assertThat(report.circuitBreakers())
			.allSatisfy((entry) -> assertThat(entry.verdict()).as("circuit breaker %s", entry.name())
				.isNotEqualTo(Verdict.REACTED));
		assertThat(report.retries()).allSatisfy(
				(entry) -> assertThat(entry.verdict()).as("retry %s", entry.name()).isNotEqualTo(Verdict.REACTED));
		assertThat(report.fallbacks()).allSatisfy(
				(entry) -> assertThat(entry.verdict()).as("fallback %s", entry.method()).isNotEqualTo(Verdict.REACTED));
		assertThat(report.timeLimiters())
			.allSatisfy((entry) -> assertThat(entry.verdict()).as("time limiter %s", entry.name())
				.isNotEqualTo(Verdict.REACTED));
		assertThat(report.bulkheads())
			.allSatisfy((entry) -> assertThat(entry.verdict()).as("bulkhead %s %s", entry.type(), entry.name())
				.isNotEqualTo(Verdict.REACTED));
	}

	private static int status(Throwable failure) {
		if (failure instanceof RestClientResponseException response) {
			return response.getStatusCode().value();
		}
		if (failure instanceof WebClientResponseException response) {
			return response.getStatusCode().value();
		}
		return -1;
	}

}
