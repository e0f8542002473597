package io.github.chaosstarter.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.engine.Strike;

/**
 * A {@link DataSource} bean as the application declared it, with {@code jdbc} assaults
 * applied where a real database fails: obtaining a connection ({@code connect}) and, on
 * the connections it hands out while a statement assault is active, executing statements
 * ({@code query}, {@code update}). While no jdbc assault is active,
 * {@link #getConnection()} costs one volatile read on top of the pool's own and hands out
 * the pool's connection itself.
 * <p>
 * Everything else is the decorated data source's: {@link #unwrap} and
 * {@link #isWrapperFor} reach it (so Spring Boot's {@code DataSourceUnwrapper}, HikariCP
 * metrics and health find the pool), and {@link #close()} closes it when the context
 * closes.
 *
 * @author Chaos Starter team
 */
public final class ChaosDataSource implements DataSource, AutoCloseable {

	private final DataSource delegate;

	private final String name;

	private final ObjectProvider<ChaosEngine> engines;

	private volatile @Nullable ChaosEngine engine;

	ChaosDataSource(DataSource delegate, String name, ObjectProvider<ChaosEngine> engines) {
		this.delegate = delegate;
		this.name = name;
		this.engines = engines;
	}

	/**
	 * Return the data source this one decorates.
	 * @return the application's data source
	 */
	public DataSource getTargetDataSource() {
		return this.delegate;
	}

	/**
	 * Return the data source's bean name, as {@code jdbc.data-sources} selects it.
	 * @return the bean name
	 */
	public String getName() {
		return this.name;
	}

	ChaosEngine engine() {
		ChaosEngine engine = this.engine;
		if (engine == null) {
			engine = this.engines.getObject();
			this.engine = engine;
		}
		return engine;
	}

	Pool pool() {
		return Pool.of(this.delegate, this.name);
	}

	@Override
	public Connection getConnection() throws SQLException {
		ChaosEngine engine = engine();
		if (!engine.jdbc().active()) {
			return this.delegate.getConnection();
		}
		return connect(engine, null, null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		ChaosEngine engine = engine();
		if (!engine.jdbc().active()) {
			return this.delegate.getConnection(username, password);
		}
		return connect(engine, username, password);
	}

	private Connection connect(ChaosEngine engine, @Nullable String username, @Nullable String password)
			throws SQLException {
		Pool pool = pool();
		Strike strike = engine.jdbc().strike(this.name, "connect", null, pool.name(), pool.waitMillis());
		if (strike != null) {
			JdbcFaults.connect(strike, pool);
		}
		engine.jdbc().poolCalled(this.name);
		Connection connection;
		try {
			connection = (username != null) ? this.delegate.getConnection(username, password)
					: this.delegate.getConnection();
		}
		catch (SQLTransientConnectionException ex) {
			if (engine.jdbc().poolExhausted(this.name)) {
				// the pool's own timeout, because an assault holds its connections
				InjectedFaults.mark(ex);
			}
			throw ex;
		}
		return engine.jdbc().statements(this.name) ? ChaosConnection.wrap(connection, this, pool) : connection;
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return (T) this;
		}
		if (iface.isInstance(this.delegate)) {
			return (T) this.delegate;
		}
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || iface.isInstance(this.delegate) || this.delegate.isWrapperFor(iface);
	}

	/**
	 * Close the decorated data source when it can be closed (a pool): called when the
	 * context closes, as the application's own data source bean would be.
	 * @throws Exception when closing fails
	 */
	@Override
	public void close() throws Exception {
		if (this.delegate instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	@Override
	public String toString() {
		return "ChaosDataSource '" + this.name + "' for " + this.delegate;
	}

}
