package io.github.chaosstarter.scenarios.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.scenarios.fixture.Outcome;
import io.github.chaosstarter.jdbc.ChaosDataSource;
import io.github.chaosstarter.scenarios.jdbc.fixture.JdbcApplication;
import io.github.chaosstarter.scenarios.jdbc.fixture.JdbcApplication.OrderService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jdbc} targets on real HikariCP pools over H2, through Spring Boot's
 * {@code JdbcTemplate} and {@code JdbcClient} and a {@code @Transactional} service: each
 * effect compared with the real thing — a database server that is really stopped, a pool
 * that really has no connection left, a query that really runs past its timeout.
 */
@SpringBootTest(classes = JdbcApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "chaos.enabled=true", "spring.jdbc.template.query-timeout=1s" })
class JdbcDependencyIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(1);

	@Autowired
	Chaos chaos;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("reportingDataSource")
	DataSource reportingDataSource;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	OrderService orders;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void schema() {
		JdbcApplication.schema(this.dataSource, this.reportingDataSource);
	}

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
	}

	@Test
	void dataSourcesAreDecoratedAndStillReachThePool() throws SQLException {
		assertThat(this.dataSource).isInstanceOf(ChaosDataSource.class);
		assertThat(this.dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
		assertThat(this.dataSource.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("orders-pool");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
	}

	@Test
	void springBootStillFindsThePoolBehindTheDecoratedBean() {
		assertThat(DataSourceUnwrapper.unwrap(this.dataSource, HikariConfigMXBean.class, HikariDataSource.class))
			.isNotNull()
			.extracting(HikariDataSource::getPoolName)
			.isEqualTo("orders-pool");
		assertThat(this.meters.find("hikaricp.connections.max").tag("pool", "orders-pool").gauge())
			.as("Boot's HikariCP metrics bound the decorated pool")
			.isNotNull()
			.satisfies((gauge) -> assertThat(gauge.value()).isEqualTo(3.0));
	}

	@Test
	void unavailableFailsAsAReallyStoppedDatabaseDoes() throws Exception {
		Outcome real;
		Server server = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifNotExists").start();
		try (HikariDataSource gone = JdbcApplication.pool("gone-pool",
				"jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:gone;DB_CLOSE_DELAY=-1")) {
			JdbcTemplate jdbc = new JdbcTemplate(gone);
			assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
			server.stop();
			// past HikariCP's 500 ms in which a recently used connection is not validated
			Thread.sleep(700);
			real = Outcome.of(() -> jdbc.queryForObject("select 1", Integer.class));
		}
		finally {
			server.stop();
		}
		this.chaos.assault("db-down")
			.target((target) -> target.jdbc((jdbc) -> jdbc.dataSources("dataSource").operations("connect")))
			.unavailable()
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.jdbcTemplate.queryForObject("select 1", Integer.class));
		assertSameFailure(real, injected, SQLTransientConnectionException.class);
		assertThat(real.failure().getCause()).hasMessageStartingWith("gone-pool - Connection is not available");
		assertThat(injected.failure().getCause()).hasMessageStartingWith("orders-pool - Connection is not available");
		assertThat(new JdbcTemplate(this.reportingDataSource).queryForObject("select count(*) from daily",
				Integer.class))
			.as("the other data source is untouched")
			.isZero();
	}

	@Test
	void unavailableImmediatelySkipsThePoolsWait() {
		this.chaos.change(Map.of("enabled", true, "assaults", Map.of("db-down", Map.of("target",
				Map.of("jdbc", Map.of("data-sources", List.of("dataSource"))), "unavailable",
				Map.of("immediately", true)))));
		Outcome injected = Outcome.of(() -> this.jdbcClient.sql("select 1").query(Integer.class).single());
		assertThat(injected.failure()).isNotNull().hasRootCauseInstanceOf(SQLTransientConnectionException.class);
		assertThat(injected.elapsed()).isLessThan(WAIT.dividedBy(2));
	}

	@Test
	void connectLatencyPastThePoolsTimeoutFailsAsARealEmptyPoolDoes() throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		Outcome real;
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				held.add(pool.getConnection());
			}
			real = Outcome.of(() -> this.jdbcTemplate.queryForObject("select 1", Integer.class));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		this.chaos.assault("slow-pool")
			.target((target) -> target.jdbc((jdbc) -> jdbc.operations("connect")))
			.latency(Duration.ofSeconds(3))
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.jdbcTemplate.queryForObject("select 1", Integer.class));
		assertSameFailure(real, injected, SQLTransientConnectionException.class);
	}

	@Test
	void queryLatencyPastTheQueryTimeoutFailsAsAReallySlowQueryDoes() {
		Outcome real = Outcome.of(() -> this.jdbcTemplate.queryForObject(
				"select sum(a.x * b.x) from system_range(1, 1000000) a, system_range(1, 1000000) b", Long.class));
		this.chaos.assault("slow-orders")
			.target((target) -> target.jdbc((jdbc) -> jdbc.operations("query").statements("*from orders*")))
			.latency(Duration.ofSeconds(3))
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.orders.orders());
		assertSameFailure(real, injected, SQLTimeoutException.class);
		assertThat(this.jdbcTemplate.queryForObject("select count(*) from audit", Integer.class))
			.as("other statements are untouched")
			.isNotNull();
	}

	@Test
	void queryLatencyWithinTheTimeoutDelaysTheQuery() {
		this.chaos.assault("slow-orders")
			.target((target) -> target.jdbc((jdbc) -> jdbc.statements("*from orders*")))
			.latency(Duration.ofMillis(300))
			.apply();
		this.chaos.enable();
		Outcome outcome = Outcome.of(() -> this.orders.orders());
		assertThat(outcome.failure()).isNull();
		assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(280)).isLessThan(WAIT);
	}

	@Test
	void aFailedStatementRollsTheTransactionBack() {
		int before = this.orders.orders();
		this.chaos.assault("audit-fails")
			.target((target) -> target.jdbc((jdbc) -> jdbc.operations("update").statements("insert into audit*")))
			.exception(SQLException.class, "audit table unavailable")
			.apply();
		this.chaos.enable();
		Outcome outcome = Outcome.of(() -> {
			this.orders.place("book");
			return null;
		});
		assertThat(outcome.failure()).isInstanceOf(DataAccessException.class)
			.hasRootCauseMessage("Chaos assault 'audit-fails': audit table unavailable");
		this.chaos.halt();
		assertThat(this.orders.orders()).as("the order insert was rolled back").isEqualTo(before);
		this.orders.place("pen");
		assertThat(this.orders.orders()).isEqualTo(before + 1);
	}

	@Test
	void poolExhaustionDrainsThePoolAsARealDrainDoesAndHaltReleasesItAtOnce() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		this.chaos.assault("drained")
			.target((target) -> target.jdbc((jdbc) -> jdbc.dataSources("dataSource")))
			.poolExhaustion()
			.apply();
		this.chaos.enable();
		awaitActive(pool, pool.getMaximumPoolSize());
		Outcome drained = Outcome.of(() -> this.jdbcTemplate.queryForObject("select 1", Integer.class));
		assertThat(drained.failure()).isInstanceOf(CannotGetJdbcConnectionException.class)
			.hasCauseInstanceOf(SQLTransientConnectionException.class);
		assertThat(drained.failure().getCause()).hasMessageStartingWith("orders-pool - Connection is not available");
		assertThat(drained.elapsed()).isGreaterThanOrEqualTo(WAIT.minusMillis(100)).isLessThan(Duration.ofSeconds(3));
		assertThat(InjectedFaults.injectedIn(drained.failure(), 10)).as("the pool's timeout counts as injected")
			.isNotNull();
		assertThat(new JdbcTemplate(this.reportingDataSource).queryForObject("select 1", Integer.class))
			.as("the other pool is untouched")
			.isEqualTo(1);
		assertThat(this.chaos.state().assaults().get("drained").injected()).isEqualTo(1);
		long halted = System.nanoTime();
		this.chaos.halt();
		awaitActive(pool, 0);
		assertThat(Duration.ofNanos(System.nanoTime() - halted)).as("released within a second of the halt")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(this.jdbcTemplate.queryForObject("select 1", Integer.class)).isEqualTo(1);
	}

	@Test
	void poolExhaustionHoldsForItsHoldThenReleases() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		this.chaos.assault("drained")
			.target((target) -> target.jdbc((jdbc) -> jdbc.dataSources("dataSource")))
			.poolExhaustion(2, Duration.ofMillis(800))
			.apply();
		this.chaos.enable();
		awaitActive(pool, 2);
		assertThat(this.jdbcTemplate.queryForObject("select 1", Integer.class))
			.as("one connection of three is left")
			.isEqualTo(1);
		awaitActive(pool, 0);
		assertThat(this.chaos.state().enabled()).isTrue();
		Thread.sleep(200);
		assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("not taken again while chaos stays on")
			.isZero();
	}

	@Test
	void autoHaltReleasesTheHeldConnections() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		this.chaos.change(Map.of("enabled", true, "duration", "1s", "assaults",
				Map.of("drained", Map.of("target", Map.of("jdbc", Map.of("data-sources", List.of("dataSource"))),
						"pool-exhaustion", Map.of("connections", "all")))));
		awaitActive(pool, pool.getMaximumPoolSize());
		awaitActive(pool, 0);
		assertThat(this.chaos.state().enabled()).as("released because chaos halted itself").isFalse();
	}

	@Test
	void dryRunInjectsNothing() {
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults", Map.of("db-down",
				Map.of("target", Map.of("jdbc", Map.of("operations", List.of("connect"))), "unavailable", Map.of()))));
		assertThat(this.jdbcTemplate.queryForObject("select 1", Integer.class)).isEqualTo(1);
		assertThat(this.chaos.state().assaults().get("db-down").dryRunHits()).isPositive();
		assertThat(this.chaos.state().assaults().get("db-down").injected()).isZero();
		this.chaos.change(Map.of("assaults", Map.of("drained", Map.of("target",
				Map.of("jdbc", Map.of("data-sources", List.of("dataSource"))), "pool-exhaustion", Map.of()))));
		assertThat(this.chaos.state().assaults().get("drained").dryRunHits()).isEqualTo(1);
		assertThat(this.jdbcTemplate.queryForObject("select 1", Integer.class)).isEqualTo(1);
	}

	@Test
	void closingTheContextClosesTheDecoratedPool() {
		ConfigurableApplicationContext context = new SpringApplication(JdbcApplication.class).run(
				"--spring.main.web-application-type=none", "--chaos.enabled=false", "--spring.jmx.enabled=false");
		HikariDataSource pool;
		try {
			pool = context.getBean("dataSource", HikariDataSource.class);
		}
		catch (RuntimeException ex) {
			pool = null;
		}
		DataSource bean = context.getBean("dataSource", DataSource.class);
		HikariDataSource target = (HikariDataSource) ((ChaosDataSource) bean).getTargetDataSource();
		context.close();
		assertThat(pool).as("the bean is the decorated data source, not the pool's own type").isNull();
		assertThat(target.isClosed()).isTrue();
	}

	private static void assertSameFailure(Outcome real, Outcome injected, Class<? extends Throwable> cause) {
		assertThat(real.failure()).as("the real failure").isNotNull();
		assertThat(injected.failure()).as("the injected failure").isNotNull();
		assertThat(injected.failure()).isExactlyInstanceOf(real.failure().getClass());
		assertThat(real.causes()).anySatisfy((type) -> assertThat(cause).isAssignableFrom(type));
		assertThat(injected.causes()).anySatisfy((type) -> assertThat(cause).isAssignableFrom(type));
		for (Outcome outcome : List.of(real, injected)) {
			assertThat(outcome.elapsed()).as("after the wait the application configured, not after the delay")
				.isGreaterThanOrEqualTo(WAIT.minusMillis(100))
				.isLessThan(Duration.ofMillis(2800));
		}
		assertThat(InjectedFaults.injectedIn(injected.failure(), 10)).as("counted as injected").isNotNull();
		assertThat(InjectedFaults.injectedIn(real.failure(), 10)).as("the real one is not").isNull();
	}

	private static void awaitActive(HikariDataSource pool, int active) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (pool.getHikariPoolMXBean().getActiveConnections() != active && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(active);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
