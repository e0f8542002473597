package io.github.chaosstarter.jdbc;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * What a data source's pool says about itself: its name, as its own errors name it, and
 * how long it waits for a connection before it gives up (HikariCP's
 * {@code connectionTimeout}; for other data sources the login timeout, when set).
 *
 * @param name the pool's name
 * @param waitMillis the wait in milliseconds, {@code 0} when unknown
 * @param maxConnections the most connections the pool opens, {@code 0} when unknown
 * @author Chaos Starter team
 */
record Pool(String name, long waitMillis, int maxConnections) {

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			Pool.class.getClassLoader());

	static Pool of(DataSource dataSource, String beanName) {
		if (HIKARI_PRESENT) {
			Pool hikari = Hikari.pool(dataSource);
			if (hikari != null) {
				return hikari;
			}
		}
		try {
			return new Pool(beanName, Math.max(0, dataSource.getLoginTimeout()) * 1000L, 0);
		}
		catch (SQLException | RuntimeException ex) {
			return new Pool(beanName, 0, 0);
		}
	}

	/**
	 * Reads HikariCP's settings; a class of its own so that HikariCP stays optional.
	 */
	private static final class Hikari {

		static @Nullable Pool pool(DataSource dataSource) {
			try {
				if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
					com.zaxxer.hikari.HikariDataSource hikari = dataSource
						.unwrap(com.zaxxer.hikari.HikariDataSource.class);
					return new Pool(String.valueOf(hikari.getPoolName()), hikari.getConnectionTimeout(),
							hikari.getMaximumPoolSize());
				}
			}
			catch (SQLException | RuntimeException ex) {
				// not a Hikari pool after all
			}
			return null;
		}

	}

}
