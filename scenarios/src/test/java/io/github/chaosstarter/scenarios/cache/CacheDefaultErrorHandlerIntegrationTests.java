package io.github.chaosstarter.scenarios.cache;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.scenarios.cache.fixture.CacheApplication;
import io.github.chaosstarter.scenarios.cache.fixture.CacheApplication.PriceService;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@code cache} target on a Caffeine cache in an application that keeps Spring's
 * default {@code CacheErrorHandler}, which rethrows: an unavailable cache fails the
 * requests that read it, and the report classifies the cache as critical.
 */
@SpringBootTest(classes = CacheApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cache.type=caffeine", "spring.cache.cache-names=prices,rates,quotes",
				"spring.main.web-application-type=servlet" })
class CacheDefaultErrorHandlerIntegrationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	PriceService prices;

	@Autowired
	CacheManager cacheManager;

	@LocalServerPort
	int port;

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
		this.cacheManager.getCacheNames().forEach((name) -> this.cacheManager.getCache(name).clear());
	}

	@Test
	void unavailableCacheFailsTheCallersAndIsClassifiedCritical() {
		Http http = new Http(this.port);
		assertThat(http.get("/api/prices/a").status()).isEqualTo(200);
		this.chaos.change(Map.of("enabled", true, "expect", Map.of("critical", List.of("cache:prices")), "assaults",
				Map.of("prices-down", Map.of("target", Map.of("cache", Map.of("names", List.of("prices"))),
						"unavailable", Map.of("immediately", true)))));
		for (int i = 0; i < 4; i++) {
			assertThat(http.get("/api/prices/a").status()).isEqualTo(500);
		}
		assertThat(http.get("/api/rates/a").status()).as("another cache is untouched").isEqualTo(200);
		ServiceReport.DependencyReport cache = this.chaos.report()
			.dependencies()
			.stream()
			.filter((dependency) -> dependency.name().equals("cache:prices"))
			.findFirst()
			.orElseThrow();
		assertThat(cache.requests()).isEqualTo(4);
		assertThat(cache.failed()).isEqualTo(4);
		assertThat(cache.degraded()).isZero();
		assertThat(cache.observed().name()).isEqualTo("CRITICAL");
		assertThat(cache.verdict()).isNotNull();
		assertThat(cache.verdict().name()).isEqualTo("HELD");
	}

	@Test
	void theFailureIsAnUncheckedConnectionFailureFromTheCacheOperation() {
		this.prices.price("b");
		this.chaos.assault("prices-down")
			.target((target) -> target.cache((cache) -> cache.names("prices").operations("get")))
			.unavailable()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.prices.price("b"))
			.withMessage("Cache 'prices' is unavailable: Connection refused")
			.withCauseInstanceOf(ConnectException.class)
			.satisfies((ex) -> assertThat(InjectedFaults.isMarked(ex)).isTrue());
	}

	@Test
	void anExceptionEffectThrowsTheConfiguredUncheckedException() {
		this.chaos.assault("prices-boom")
			.target((target) -> target.cache((cache) -> cache.names("prices")))
			.exception(IllegalStateException.class, "cache node lost")
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.prices.price("c"))
			.withMessageContaining("cache node lost");
	}

}
