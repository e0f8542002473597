package io.github.chaosstarter.scenarios.redis;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.Cache;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.scenarios.cache.fixture.CacheApplication;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.redis.fixture.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cache {@code unavailable} compared with a remote cache that is really down: the price
 * service of {@link CacheApplication} cached in Redis (Spring Data Redis'
 * {@code RedisCacheManager}, Boot's {@code spring.cache.type=redis}) with an error handler
 * that records what it is given and lets the slow path run. First the injected fault on a
 * running {@code redis-server}, then the same request with the server stopped: the
 * handler's get method gets a {@code RuntimeException} for the same cache (the real one
 * after the client's command timeout), the slow path runs, and the callers get the same
 * answer. With the server stopped, the put after the failed get fails too on Spring Data
 * Redis 3.5 (Boot 3.5) but not on 4.0 (Boot 4.0), so the comparison is on gets. Skipped, saying so, without
 * {@code redis-server}.
 */
@SpringBootTest(classes = CacheApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.cache.type=redis",
				"spring.cache.cache-names=prices,rates,quotes", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.timeout=500ms" })
@Import(RedisCacheUnavailableTests.RecordingErrors.class)
@DirtiesContext
class RedisCacheUnavailableTests {

	private static RedisServer server;

	@Autowired
	Chaos chaos;

	@Autowired
	RecordingErrors errors;

	@Autowired
	CacheApplication.PriceService prices;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startRedis() throws IOException {
		assumeTrue(RedisServer.available(),
				"redis-server is not installed: Redis cache tests skipped (Debian: apt-get install redis-server)");
		server = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		if (server != null) {
			server.close();
		}
	}

	@DynamicPropertySource
	static void redisPort(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", () -> server.port());
	}

	@Test
	void unavailableReachesTheErrorHandlerAsARedisCacheThatIsReallyDown() {
		Http http = new Http(this.port);
		assertThat(http.get("/api/prices/warm").status()).isEqualTo(200);
		assertThat(this.errors.seen).as("a running Redis: no cache errors").isEmpty();
		this.chaos.assault("prices-down")
			.target((target) -> target.cache((cache) -> cache.names("prices").operations("get")))
			.unavailable()
			.apply();
		this.chaos.enable();
		int computed = this.prices.computed();
		assertThat(http.get("/api/prices/1").status()).isEqualTo(200);
		assertThat(this.prices.computed()).as("the slow path ran").isEqualTo(computed + 1);
		List<String> injected = List.copyOf(this.errors.seen);
		this.chaos.halt();
		this.errors.seen.clear();
		server.close();
		computed = this.prices.computed();
		assertThat(http.get("/api/prices/2").status()).isEqualTo(200);
		assertThat(this.prices.computed()).as("the slow path ran").isEqualTo(computed + 1);
		List<String> real = List.copyOf(this.errors.seen);
		assertThat(injected).containsExactly("get prices java.io.UncheckedIOException");
		// the put that follows a failed get fails too with Spring Data Redis 3.5, not with 4.0
		assertThat(real).as("real %s", real)
			.startsWith("get prices org.springframework.dao.QueryTimeoutException")
			.isSubsetOf("get prices org.springframework.dao.QueryTimeoutException",
					"put prices org.springframework.dao.QueryTimeoutException");
	}


	/**
	 * The application's cache error handler: records each error as
	 * {@code "<operation> <cache> <exception class>"} and lets the caller carry on.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingErrors implements CachingConfigurer, CacheErrorHandler {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public CacheErrorHandler errorHandler() {
			return this;
		}

		@Override
		public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
			this.seen.add("get " + cache.getName() + " " + exception.getClass().getName());
		}

		@Override
		public void handleCachePutError(RuntimeException exception, Cache cache, Object key, Object value) {
			this.seen.add("put " + cache.getName() + " " + exception.getClass().getName());
		}

		@Override
		public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
			this.seen.add("evict " + cache.getName() + " " + exception.getClass().getName());
		}

		@Override
		public void handleCacheClearError(RuntimeException exception, Cache cache) {
			this.seen.add("clear " + cache.getName());
		}

	}

}
