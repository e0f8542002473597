package io.github.chaosstarter.benchmarks.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;

/**
 * An application with one warm HikariCP pool over an in-memory H2 database, with Chaos
 * Starter.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PoolApplication {

	@Bean
	HikariDataSource dataSource() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
		pool.setUsername("sa");
		pool.setMinimumIdle(4);
		pool.setMaximumPoolSize(4);
		return pool;
	}

	/**
	 * Start a non-web context.
	 * @return the started context
	 */
	public static ConfigurableApplicationContext start() {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.autoconfigure.exclude", String.join(",", BenchmarkApplication.CHAOS_MONKEY));
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "error");
		all.put("chaos.enabled", "false");
		return new SpringApplicationBuilder(PoolApplication.class).web(WebApplicationType.NONE).properties(all).run();
	}

}
