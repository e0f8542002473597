package io.github.chaosstarter.scenarios.redis;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.fixture.Outcome;
import io.github.chaosstarter.scenarios.redis.fixture.RedisApplication;
import io.github.chaosstarter.scenarios.redis.fixture.RedisServer;

import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.assertRefused;
import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code redis} targets on Boot's Lettuce connection factory against a real
 * {@code redis-server} started on a free port (skipped, saying so, when Debian's
 * {@code redis-server} is not installed): each effect compared with the real thing — a
 * Redis that is really stopped, a Redis that really stalls past the command timeout.
 */
@SpringBootTest(classes = RedisApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.data.redis.timeout=500ms",
				"management.health.redis.enabled=true",
				"spring.data.redis.host=127.0.0.1" })
@DirtiesContext
class RedisDependencyIntegrationTests {

	private static RedisServer server;

	@Autowired
	Chaos chaos;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startRedis() throws IOException {
		assumeTrue(RedisServer.available(),
				"redis-server is not installed: Redis tests skipped (Debian: apt-get install redis-server)");
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

	@BeforeEach
	void sessions() {
		this.redis.opsForValue().set("session:1", "alice");
		this.redis.opsForValue().set("session:2", "bob");
	}

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
	}

	@Test
	void theFactoryIsDecoratedAndStillServesHealthAndItsInterfaces() {
		assertThat(this.connectionFactory).isInstanceOf(ReactiveRedisConnectionFactory.class);
		assertThat(new Http(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
		this.chaos.assault("sessions-down")
			.target((target) -> target.redis((redis) -> redis.keys("session:*")))
			.unavailable()
			.apply();
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			assertThat(Proxy.isProxyClass(connection.getClass())).as("chaos is off: the factory's own connection")
				.isFalse();
		}
		assertThat(this.chaos.state().assaults().get("sessions-down").matched()).isZero();
	}

	@Test
	void unavailableFailsAsARedisThatIsReallyStopped() throws IOException {
		Outcome real;
		RedisServer gone = RedisServer.start();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", gone.port()));
		factory.afterPropertiesSet();
		factory.start();
		try {
			gone.close();
			StringRedisTemplate template = new StringRedisTemplate(factory);
			real = Outcome.of(() -> template.opsForValue().get("session:1"));
		}
		finally {
			factory.destroy();
		}
		this.chaos.assault("sessions-down")
			.target((target) -> target.redis((redis) -> redis.commands("GET").keys("session:*")))
			.unavailable()
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.redis.opsForValue().get("session:1"));
		assertThat(real.failure()).isInstanceOf(RedisConnectionFailureException.class)
			.hasMessageStartingWith("Unable to connect to Redis");
		assertThat(injected.failure()).isInstanceOf(RedisConnectionFailureException.class)
			.hasMessage(real.failure().getMessage());
		assertThat(InjectedFaults.isMarked(injected.failure())).isTrue();
		assertThat(InjectedFaults.isMarked(real.failure())).isFalse();
	}

	@Test
	void latencyPastTheCommandTimeoutFailsAsAStalledRedis() throws Exception {
		server.pause();
		Outcome real;
		try {
			real = Outcome.of(() -> this.redis.opsForValue().get("session:2"));
		}
		finally {
			server.resume();
		}
		assertThat(this.redis.opsForValue().get("session:2")).isEqualTo("bob");
		this.chaos.assault("sessions-stall")
			.target((target) -> target.redis((redis) -> redis.commands("GET")))
			.latency(Duration.ofSeconds(3))
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.redis.opsForValue().get("session:2"));
		assertThat(real.failure()).isInstanceOf(QueryTimeoutException.class);
		assertThat(injected.failure()).isInstanceOf(QueryTimeoutException.class)
			.hasMessage(real.failure().getMessage());
		assertThat(injected.elapsed()).as("after the 500ms command timeout, not the 3s delay")
			.isGreaterThanOrEqualTo(Duration.ofMillis(500))
			.isLessThan(Duration.ofSeconds(3));
		assertThat(InjectedFaults.isMarked(injected.failure())).isTrue();
	}

	@Test
	void latencyWithinTheTimeoutDelaysTheCommand() {
		this.chaos.assault("sessions-slow")
			.target((target) -> target.redis((redis) -> redis.keys("session:*")))
			.latency(Duration.ofMillis(200))
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.redis.opsForValue().get("session:1"));
		assertThat(injected.value()).isEqualTo("alice");
		assertThat(injected.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void targetingSelectsTheNamedCommandsAndKeysOnly() {
		this.chaos.assault("sessions-get-down")
			.target((target) -> target.redis((redis) -> redis.commands("get").keys("session:*")))
			.exception(IllegalStateException.class, "redis node lost")
			.apply();
		this.chaos.enable();
		Http http = new Http(this.port);
		assertThat(http.post("/api/visits/1", "{}").status()).as("INCR is not selected").isEqualTo(200);
		assertThat(this.redis.opsForValue().get("visits:1")).as("nor is another key").isNotNull();
		assertThat(this.chaos.state().assaults().get("sessions-get-down").injected()).isZero();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.redis.opsForValue().get("session:2"))
			.withMessageContaining("redis node lost");
		assertThat(this.chaos.state().assaults().get("sessions-get-down").injected()).isEqualTo(1);
	}

	@Test
	void dryRunInjectsNothing() {
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults", Map.of("sessions-down", Map.of("target",
				Map.of("redis", Map.of("keys", List.of("session:*"))), "unavailable", Map.of("immediately", true)))));
		assertThat(this.redis.opsForValue().get("session:1")).isEqualTo("alice");
		Chaos.AssaultState assault = this.chaos.state().assaults().get("sessions-down");
		assertThat(assault.injected()).isZero();
		assertThat(assault.dryRunHits()).isEqualTo(1);
	}

	@Test
	void aServiceThatNeedsItsSessionsFindsRedisCritical() {
		this.chaos.change(Map.of("enabled", true, "expect",
				Map.of("critical", List.of("redis:redisConnectionFactory")), "assaults",
				Map.of("sessions-down", Map.of("target", Map.of("redis", Map.of("keys", List.of("session:*"))),
						"unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/sessions/1").status()).isEqualTo(500);
		}
		ServiceReport.DependencyReport redis = dependency(this.chaos.report(), "redis:redisConnectionFactory");
		assertThat(redis.type()).isEqualTo("redis");
		assertThat(redis.requests()).isEqualTo(3);
		assertThat(redis.failed()).isEqualTo(3);
		assertThat(redis.observed().name()).isEqualTo("CRITICAL");
		assertThat(redis.verdict().name()).isEqualTo("HELD");
	}

	@Test
	void whatARedisTargetCannotHaveIsRefusedNamingTheField() {
		assertRefused(this.chaos, Map.of("target", Map.of("redis", Map.of("commands", List.of("GET 1"))), "unavailable",
				Map.of("immediately", true)), "chaos.assaults.x.target.redis.commands[0]");
		assertRefused(this.chaos, Map.of("target", Map.of("redis", Map.of("keys", List.of("a*"))), "error-response",
				Map.of("status", 503)), "chaos.assaults.x.error-response");
		assertRefused(this.chaos, Map.of("target", Map.of("redis", Map.of("keys", List.of("a*"))), "exception",
				Map.of("type", "java.io.IOException")), "chaos.assaults.x.exception.type");
		assertRefused(this.chaos, Map.of("target", Map.of("redis", Map.of("keys", List.of("a*")), "beans", List.of("b")),
				"unavailable", Map.of("immediately", true)), "chaos.assaults.x.target.redis");
		assertThat(this.chaos.state().assaults()).isEmpty();
	}


}
