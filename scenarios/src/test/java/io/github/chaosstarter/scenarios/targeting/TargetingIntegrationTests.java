package io.github.chaosstarter.scenarios.targeting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.AssaultBuilder;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.InventoryService;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.PriceCalculator;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.ReactivePaymentService;
import io.github.chaosstarter.scenarios.resilience.fixture.ShopApplication.StockRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.within;

/**
 * Which calls an assault selects, how often, and what the effects do, with injections
 * counted in Micrometer.
 */
@SpringBootTest(classes = ShopApplication.class, properties = "management.metrics.enable.all=true")
class TargetingIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	StockRepository stock;

	@Autowired
	InventoryService inventory;

	@Autowired
	PriceCalculator prices;

	@Autowired
	ReactivePaymentService reactivePayments;

	@Autowired(required = false)
	MeterRegistry meters;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@AfterEach
	void halt() {
		this.chaos.halt();
	}

	@Test
	void beanOfUnwatchedKindHasNoProxyAndIsUntouched() {
		this.chaos.assault("everything").exception().apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).as("positive control: a watched bean")
			.isThrownBy(() -> this.stock.find("sku"));
		assertThat(AopUtils.isAopProxy(this.stock)).isTrue();
		assertThat(AopUtils.isAopProxy(this.prices)).isFalse();
		int calls = this.prices.calls().get();
		assertThatNoException().isThrownBy(() -> this.prices.price("sku"));
		assertThat(this.prices.calls()).as("the real method ran").hasValue(calls + 1);
	}

	@Test
	void kindTargetSelectsOnlyThatKind() {
		enable(this.chaos.assault("repos").target((target) -> target.kinds("repository")).exception());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		assertThatNoException().isThrownBy(() -> this.inventory.reserve("sku"));
	}

	@Test
	void classOutsideThePatternsIsUntouched() {
		enable(this.chaos.assault("clients").target((target) -> target.classes("com.acme.**.*Client")).exception());
		enable(this.chaos.assault("control")
			.target((target) -> target.classes("**.ShopApplication$Inventory*"))
			.exception());
		assertThatExceptionOfType(ChaosException.class).as("positive control")
			.isThrownBy(() -> this.inventory.reserve("sku"));
		assertThatNoException().isThrownBy(() -> this.stock.find("sku"));
		assertThat(this.chaos.state().assaults().get("clients").matched()).isZero();
	}

	@Test
	void classPatternSelectsMatchingBean() {
		enable(this.chaos.assault("stock")
			.target((target) -> target.classes("io.github.chaosstarter.scenarios.**.ShopApplication$Stock*"))
			.exception());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		assertThatNoException().isThrownBy(() -> this.inventory.reserve("sku"));
	}

	@Test
	void beanNameTargetSelectsOnlyThatBean() {
		String stockBean = beanName(StockRepository.class);
		enable(this.chaos.assault("stock").target((target) -> target.beans(stockBean)).exception());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		assertThatNoException().isThrownBy(() -> this.inventory.reserve("sku"));
	}

	@Test
	void injectedExceptionsStackTraceStartsAtTheAttackedMethodWithoutTheStartersFrames() {
		enable(this.chaos.assault("repos").target((target) -> target.kinds("repository")).exception());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku")).satisfies((ex) -> {
			StackTraceElement[] trace = ex.getStackTrace();
			assertThat(trace[0].getClassName()).endsWith("StockRepository");
			assertThat(trace[0].getMethodName()).isEqualTo("find");
			assertThat(trace).noneMatch((frame) -> frame.getClassName().startsWith("io.github.chaosstarter.engine."))
				.noneMatch((frame) -> frame.getClassName().startsWith("org.springframework.aop."))
				.anyMatch((frame) -> frame.getClassName().equals(TargetingIntegrationTests.class.getName()));
		});
	}

	@Test
	void nonMatchingMethodIsUntouched() {
		enable(this.chaos.assault("find-only").target((target) -> target.methods("fin*")).exception());
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		assertThatNoException().isThrownBy(() -> this.stock.count());
	}

	@Test
	void nothingIsInjectedWhileChaosIsOff() {
		enable(this.chaos.assault("repos").target((target) -> target.kinds("repository")).exception());
		assertThatExceptionOfType(ChaosException.class).as("positive control: chaos on")
			.isThrownBy(() -> this.stock.find("sku"));
		this.chaos.disable();
		int calls = this.stock.calls().get();
		assertThatNoException().isThrownBy(() -> this.stock.find("sku"));
		assertThat(this.stock.calls()).as("the real method ran").hasValue(calls + 1);
	}

	@Test
	void disabledAssaultIsNotApplied() {
		enable(this.chaos.assault("repos").target((target) -> target.kinds("repository")).exception().enabled(false));
		assertThatNoException().isThrownBy(() -> this.stock.find("sku"));
		this.chaos.assault("repos").target((target) -> target.kinds("repository")).exception().apply();
		assertThatExceptionOfType(ChaosException.class).as("positive control: the same assault enabled")
			.isThrownBy(() -> this.stock.find("sku"));
	}

	@Test
	void probabilityZeroNeverInjects() {
		enable(this.chaos.assault("never").target((target) -> target.methods("find")).exception().probability(0.0));
		for (int i = 0; i < 1000; i++) {
			this.stock.find("sku");
		}
		assertThat(this.chaos.state().assaults().get("never").matched()).isEqualTo(1000);
		assertThat(this.chaos.state().assaults().get("never").injected()).isZero();
	}

	@Test
	void seededProbabilityInjectsTheExpectedShare() {
		assertThat(injectionsOf(10_000, 0.3, 42L)).isCloseTo(3000L, within(150L));
	}

	@Test
	void sameSeedGivesSameDecisions() {
		assertThat(decisions(200, 0.5, 7L)).isEqualTo(decisions(200, 0.5, 7L)).contains(true, false);
	}

	@Test
	void maxInjectionsStopsAfterN() {
		enable(this.chaos.assault("five").target((target) -> target.methods("find")).exception().maxInjections(5));
		int failures = 0;
		for (int i = 0; i < 20; i++) {
			try {
				this.stock.find("sku");
			}
			catch (ChaosException ex) {
				failures++;
			}
		}
		assertThat(failures).isEqualTo(5);
		assertThat(this.chaos.state().assaults().get("five").injected()).isEqualTo(5);
		assertThat(this.chaos.state().assaults().get("five").matched()).isEqualTo(20);
	}

	@Test
	void dryRunCountsButInjectsNothing() {
		enable(this.chaos.assault("repos").target((target) -> target.kinds("repository").methods("find")).exception());
		this.chaos.change(Map.of("dry-run", true));
		int calls = this.stock.calls().get();
		for (int i = 0; i < 3; i++) {
			assertThatNoException().isThrownBy(() -> this.stock.find("sku"));
		}
		assertThat(this.stock.calls()).hasValue(calls + 3);
		assertThat(this.chaos.state().assaults().get("repos").dryRunHits()).isEqualTo(3);
		assertThat(this.chaos.state().assaults().get("repos").injected()).isZero();
	}

	@Test
	void latencyDelaysBlockingCall() {
		enable(this.chaos.assault("slow").target((target) -> target.methods("find")).latency(Duration.ofMillis(200)));
		long start = System.nanoTime();
		assertThat(this.stock.find("sku")).isEqualTo(7);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void latencyDelaysMonoWithoutBlockingTheCaller() {
		enable(this.chaos.assault("slow-quote")
			.target((target) -> target.methods("quote"))
			.latency(Duration.ofSeconds(2)));
		long start = System.nanoTime();
		var quote = this.reactivePayments.quote("o1");
		Duration assembly = Duration.ofNanos(System.nanoTime() - start);
		assertThat(assembly).as("the caller is not blocked").isLessThan(Duration.ofSeconds(1));
		assertThat(quote.block(Duration.ofSeconds(30))).isEqualTo("quote o1");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void injectionsAreCountedInMicrometer() {
		enable(this.chaos.assault("stock-down").target((target) -> target.methods("find")).exception());
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.stock.find("sku"));
		}
		assertThat(this.meters).isNotNull();
		assertThat(this.meters.get("chaos.injections")
			.tag("assault", "stock-down")
			.tag("effect", "exception")
			.tag("method", "find")
			.counter()
			.count()).isEqualTo(3.0);
		assertThat(this.meters.get("chaos.enabled").gauge().value()).isEqualTo(1.0);
	}

	private long injectionsOf(int calls, double probability, long seed) {
		List<Boolean> decisions = decisions(calls, probability, seed);
		return decisions.stream().filter((injected) -> injected).count();
	}

	private List<Boolean> decisions(int calls, double probability, long seed) {
		this.chaos.assault("sometimes")
			.target((target) -> target.methods("find"))
			.exception()
			.probability(probability)
			.apply();
		this.chaos.disable();
		this.chaos.change(Map.of("enabled", true, "seed", seed));
		List<Boolean> decisions = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			try {
				this.stock.find("sku");
				decisions.add(false);
			}
			catch (ChaosException ex) {
				decisions.add(true);
			}
		}
		return decisions;
	}

	private void enable(AssaultBuilder assault) {
		assault.apply();
		this.chaos.enable();
	}

	private String beanName(Class<?> type) {
		return this.context.getBeanNamesForType(type)[0];
	}

}
