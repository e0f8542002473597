package io.github.chaosstarter.scenarios.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheInterceptor;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.scenarios.cache.fixture.CacheApplication;
import io.github.chaosstarter.scenarios.cache.fixture.CacheApplication.PriceService;
import io.github.chaosstarter.scenarios.fixture.Http;

import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.assertRefused;
import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.dependency;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cache} targets on a real Spring Cache (Caffeine) reached through
 * {@code @Cacheable}, in an application that declares Spring's
 * {@code LoggingCacheErrorHandler}: an unavailable cache is handed to that handler, the
 * slow path serves, and the report classifies the cache as degradable. Real HTTP on a
 * random port.
 */
@SpringBootTest(classes = CacheApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cache.type=caffeine", "spring.cache.cache-names=prices,rates,quotes",
				"spring.cache.caffeine.spec=recordStats", "spring.main.web-application-type=servlet",
				"shop.cache.logging-errors=true" })
class CacheDependencyIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	PriceService prices;

	@Autowired
	CacheManager cacheManager;

	@Autowired
	CacheInterceptor cacheInterceptor;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
		this.cacheManager.getCacheNames().forEach((name) -> this.cacheManager.getCache(name).clear());
	}

	@Test
	void cacheManagerAndItsMetricsStayAsBootMadeThem() {
		assertThat(this.cacheManager).isInstanceOf(CaffeineCacheManager.class);
		assertThat(this.cacheManager.getCache("prices")).isInstanceOf(CaffeineCache.class);
		FunctionCounter hits = this.meters.find("cache.gets")
			.tag("cache", "prices")
			.tag("result", "hit")
			.functionCounter();
		assertThat(hits).as("Boot's cache metrics bound the application's cache").isNotNull();
		double before = hits.count();
		Http http = new Http(this.port);
		http.get("/api/prices/metered");
		http.get("/api/prices/metered");
		assertThat(hits.count()).isEqualTo(before + 1);
	}

	@Test
	void whileChaosIsOffTheCachedMethodGetsTheRealCaches() {
		this.chaos.assault("prices-down")
			.target((target) -> target.cache((cache) -> cache.names("prices")))
			.unavailable()
			.apply();
		int before = this.prices.computed();
		new Http(this.port).get("/api/prices/off");
		assertThat(this.cacheInterceptor.getCacheResolver()).isNotNull();
		assertThat(this.cacheInterceptor.getErrorHandler().getClass().getSimpleName())
			.isEqualTo("ChaosCacheErrorHandler");
		assertThat(this.prices.computed()).isEqualTo(before + 1);
		new Http(this.port).get("/api/prices/off");
		assertThat(this.prices.computed()).as("chaos is off: the second get hits the cache").isEqualTo(before + 1);
		assertThat(this.chaos.state().assaults().get("prices-down").matched()).isZero();
	}

	@Test
	void unavailableCacheGoesToTheErrorHandlerAndTheSlowPathServes() {
		Http http = new Http(this.port);
		assertThat(http.get("/api/prices/a").status()).isEqualTo(200);
		int warm = this.prices.computed();
		this.chaos.change(Map.of("enabled", true, "expect", Map.of("degradable", List.of("cache:prices")), "assaults",
				Map.of("prices-down", Map.of("target", Map.of("cache", Map.of("names", List.of("prices"),
						"operations", List.of("get"))), "unavailable", Map.of("immediately", true)))));
		for (int i = 0; i < 5; i++) {
			Http.Response response = http.get("/api/prices/a");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).contains("\"cents\":101");
		}
		assertThat(this.prices.computed()).as("every get failed, so the method ran each time").isEqualTo(warm + 5);
		ServiceReport.DependencyReport cache = dependency(this.chaos.report(), "cache:prices");
		assertThat(cache.type()).isEqualTo("cache");
		assertThat(cache.injectedFaults()).isEqualTo(5);
		assertThat(cache.requests()).isEqualTo(5);
		assertThat(cache.failed()).isZero();
		assertThat(cache.degraded()).isEqualTo(5);
		assertThat(cache.observed().name()).isEqualTo("DEGRADABLE");
		assertThat(cache.verdict()).isNotNull();
		assertThat(cache.verdict().name()).isEqualTo("HELD");
		assertThat(cache.reason()).contains("5 through a fallback or the cache error handler");
	}

	@Test
	void synchronizedCachingAlsoReachesTheErrorHandler() {
		Http http = new Http(this.port);
		http.get("/api/quotes/q");
		int warm = this.prices.computed();
		this.chaos.assault("quotes-down")
			.target((target) -> target.cache((cache) -> cache.names("quotes")))
			.unavailable()
			.apply();
		this.chaos.enable();
		assertThat(http.get("/api/quotes/q").status()).isEqualTo(200);
		assertThat(this.prices.computed()).isEqualTo(warm + 1);
		assertThat(this.chaos.state().assaults().get("quotes-down").injected()).isEqualTo(1);
	}

	@Test
	void missRunsTheSlowPathEveryTimeAndStillAnswers() {
		Http http = new Http(this.port);
		http.get("/api/prices/b");
		int warm = this.prices.computed();
		this.chaos.assault("prices-cold")
			.target((target) -> target.cache((cache) -> cache.names("prices")))
			.miss()
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/prices/b").body()).contains("\"cents\":101");
		}
		assertThat(this.prices.computed()).isEqualTo(warm + 3);
		ServiceReport.DependencyReport cache = dependency(this.chaos.report(), "cache:prices");
		assertThat(cache.injectedFaults()).isEqualTo(3);
		assertThat(cache.failed()).isZero();
		this.chaos.halt();
		http.get("/api/prices/b");
		assertThat(this.prices.computed()).as("the slow path's values were stored").isEqualTo(warm + 3);
	}

	@Test
	void latencyDelaysTheGetAndTheValueStillComesFromTheCache() {
		Http http = new Http(this.port);
		http.get("/api/prices/c");
		int warm = this.prices.computed();
		this.chaos.assault("prices-slow")
			.target((target) -> target.cache((cache) -> cache.names("prices").operations("get")))
			.latency(Duration.ofMillis(300))
			.apply();
		this.chaos.enable();
		long start = System.nanoTime();
		assertThat(http.get("/api/prices/c").status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.prices.computed()).isEqualTo(warm);
	}

	@Test
	void targetingSelectsTheNamedCacheAndOperationOnly() {
		Http http = new Http(this.port);
		http.get("/api/prices/d");
		http.get("/api/rates/d");
		int warm = this.prices.computed();
		this.chaos.assault("prices-put-down")
			.target((target) -> target.cache((cache) -> cache.names("pri*").operations("put")))
			.unavailable()
			.apply();
		this.chaos.enable();
		http.get("/api/prices/d");
		http.get("/api/rates/d");
		assertThat(this.prices.computed()).as("warm gets on both caches hit").isEqualTo(warm);
		assertThat(this.chaos.state().assaults().get("prices-put-down").injected()).isZero();
		assertThat(http.get("/api/prices/new").status()).as("the failed put went to the error handler")
			.isEqualTo(200);
		assertThat(this.chaos.state().assaults().get("prices-put-down").injected()).isEqualTo(1);
		http.get("/api/rates/new");
		assertThat(this.chaos.state().assaults().get("prices-put-down").injected())
			.as("the rates cache is not selected")
			.isEqualTo(1);
		assertThat(http.get("/api/prices/new").status()).isEqualTo(200);
		assertThat(this.prices.computed()).as("the failed put stored nothing: computed again").isEqualTo(warm + 3);
	}

	@Test
	void evictOperationsAreSelectedToo() {
		Http http = new Http(this.port);
		http.get("/api/prices/e");
		this.chaos.assault("evict-down")
			.target((target) -> target.cache((cache) -> cache.names("prices").operations("evict")))
			.unavailable()
			.apply();
		this.chaos.enable();
		assertThat(http.delete("/api/prices/e").status()).isEqualTo(200);
		assertThat(this.chaos.state().assaults().get("evict-down").injected()).isEqualTo(1);
		int before = this.prices.computed();
		http.get("/api/prices/e");
		assertThat(this.prices.computed()).as("the eviction failed: the value is still cached").isEqualTo(before);
	}

	@Test
	void dryRunInjectsNothing() {
		Http http = new Http(this.port);
		http.get("/api/prices/f");
		int warm = this.prices.computed();
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults", Map.of("prices-down", Map.of("target",
				Map.of("cache", Map.of("names", List.of("prices"))), "unavailable", Map.of("immediately", true)))));
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/prices/f").status()).isEqualTo(200);
		}
		assertThat(this.prices.computed()).isEqualTo(warm);
		Chaos.AssaultState assault = this.chaos.state().assaults().get("prices-down");
		assertThat(assault.injected()).isZero();
		assertThat(assault.dryRunHits()).isEqualTo(3);
		assertThat(this.chaos.report().dependencies()).isEmpty();
	}

	@Test
	void effectsACacheCannotHaveAreRefusedNamingTheField() {
		assertRefused(this.chaos, Map.of("target", Map.of("cache", Map.of("names", List.of("prices"))), "error-response",
				Map.of("status", 503)), "chaos.assaults.x.error-response");
		assertRefused(this.chaos, Map.of("target", Map.of("beans", List.of("priceService")), "miss", Map.of("enabled", true)),
				"chaos.assaults.x.miss");
		assertRefused(this.chaos, Map.of("target", Map.of("cache", Map.of("operations", List.of("put"))), "miss",
				Map.of("enabled", true)), "chaos.assaults.x.target.cache.operations");
		assertRefused(this.chaos, Map.of("target", Map.of("cache", Map.of("operations", List.of("read"))), "unavailable",
				Map.of("immediately", true)), "chaos.assaults.x.target.cache.operations[0]");
		assertRefused(this.chaos, Map.of("target", Map.of("cache", Map.of("names", List.of("prices"))), "exception",
				Map.of("type", "java.io.IOException")), "chaos.assaults.x.exception.type");
		assertRefused(this.chaos, Map.of("target", Map.of("cache", Map.of("names", List.of("prices")), "beans", List.of("b")),
				"unavailable", Map.of("immediately", true)), "chaos.assaults.x.target.cache");
		assertThat(this.chaos.state().assaults()).isEmpty();
	}



}
