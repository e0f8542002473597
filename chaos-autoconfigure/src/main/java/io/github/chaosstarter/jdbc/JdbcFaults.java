package io.github.chaosstarter.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;

import io.github.chaosstarter.engine.JdbcChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * Applies a strike to a data source call as the database and the pool would fail: an
 * unavailable database after the pool's wait for a connection, latency that meets the
 * pool's {@code connectionTimeout} and the statement's query timeout.
 *
 * @author Chaos Starter team
 */
final class JdbcFaults {

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private JdbcFaults() {
	}

	/**
	 * Apply a strike to obtaining a connection; returns when the real connection must be
	 * obtained.
	 */
	static void connect(Strike strike, Pool pool) throws SQLException {
		long delayNanos = strike.delayNanos();
		long waitNanos = pool.waitMillis() * NANOS_PER_MILLI;
		Throwable failure = strike.failure();
		if (failure != null) {
			sleep(delayNanos + (strike.unavailableAfterWait() ? waitNanos : 0));
			throw sqlException(failure);
		}
		if (waitNanos > 0 && delayNanos > waitNanos) {
			// the pool gives up waiting for a connection before the delay is over
			sleep(waitNanos);
			SQLTransientConnectionException timeout = JdbcChaos.poolTimeout(pool.name(), pool.waitMillis());
			strike.delayTimedOut(timeout);
			throw timeout;
		}
		sleep(delayNanos);
	}

	/**
	 * Apply a strike to executing a statement; returns when the statement must execute.
	 * @param queryTimeoutSeconds the statement's query timeout, {@code 0} for none
	 */
	static void execute(Strike strike, int queryTimeoutSeconds) throws SQLException {
		long delayNanos = strike.delayNanos();
		long timeoutNanos = TimeUnit.SECONDS.toNanos(queryTimeoutSeconds);
		if (timeoutNanos > 0 && delayNanos > timeoutNanos) {
			// the driver cancels the statement when its query timeout is reached
			sleep(timeoutNanos);
			SQLTimeoutException timeout = new SQLTimeoutException(
					"Statement cancelled: query timeout of " + queryTimeoutSeconds + "s reached");
			strike.delayTimedOut(timeout);
			throw timeout;
		}
		sleep(delayNanos);
		Throwable failure = strike.failure();
		if (failure != null) {
			throw sqlException(failure);
		}
	}

	private static SQLException sqlException(Throwable failure) {
		if (failure instanceof SQLException sql) {
			return sql;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new SQLException(failure.getMessage(), failure);
	}

	private static void sleep(long nanos) throws SQLException {
		if (nanos <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted during injected latency", ex);
		}
	}

}
