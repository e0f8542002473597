package io.github.chaosstarter.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.jdbc.PoolApplication;

/**
 * The cost of borrowing and returning one connection of a warm HikariCP pool: the pool
 * itself, the same pool behind Chaos Starter's decorated {@code DataSource} bean while
 * chaos is off, and while chaos is on with an assault on something else (an outbound
 * client call).
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcConnectionBenchmark {

	@Param({ "k_rawPool", "l_decoratedChaosOff", "m_decoratedChaosOnElsewhere" })
	public String variant = "k_rawPool";

	private ConfigurableApplicationContext context;

	private DataSource dataSource;

	@Setup(Level.Trial)
	public void start() throws SQLException {
		this.context = PoolApplication.start();
		DataSource bean = this.context.getBean("dataSource", DataSource.class);
		this.dataSource = this.variant.startsWith("k_") ? bean.unwrap(HikariDataSource.class) : bean;
		if (!this.variant.startsWith("k_") && this.dataSource instanceof HikariDataSource) {
			throw new IllegalStateException("Variant " + this.variant + " is not decorated");
		}
		if (this.variant.startsWith("m_")) {
			Chaos chaos = this.context.getBean(Chaos.class);
			chaos.assault("elsewhere")
				.target((target) -> target.client((client) -> client.hosts("payments.example.com")))
				.exception()
				.apply();
			chaos.enable();
		}
		for (int i = 0; i < 10_000; i++) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.getAutoCommit();
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void getConnection(Blackhole blackhole) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			blackhole.consume(connection);
		}
	}

	/**
	 * Start every variant once and borrow a connection: a smoke check without JMH.
	 * @param args ignored
	 * @throws SQLException when the pool fails
	 */
	public static void main(String[] args) throws SQLException {
		for (String variant : List.of("k_rawPool", "l_decoratedChaosOff", "m_decoratedChaosOnElsewhere")) {
			JdbcConnectionBenchmark benchmark = new JdbcConnectionBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			System.out.println(variant + ": ok");
			benchmark.stop();
		}
	}

}
