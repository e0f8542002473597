package io.github.chaosstarter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.JdbcChaos.PoolHold;
import io.github.chaosstarter.engine.ChaosListener;

/**
 * Applies {@code pool-exhaustion} assaults: after every change of the chaos state, each
 * decorated data source that such an assault selects gets a daemon thread that borrows
 * the connections from the pool itself and holds them, for {@code hold} or until the
 * assault stops applying. The application then waits for a connection exactly as with a
 * drained pool, and fails after the pool's own {@code connectionTimeout} with the pool's
 * own exception. Held connections are closed on the thread that halts chaos (halt,
 * auto-halt, guard, a change that removes the assault) and when the context closes.
 *
 * @author Chaos Starter team
 */
final class PoolExhauster implements ChaosListener, DisposableBean {

	private static final Log logger = LogFactory.getLog(PoolExhauster.class);

	/** Connections held at most when the pool does not say its size. */
	private static final int MAX_UNKNOWN = 1000;

	private final ObjectProvider<ChaosEngine> engines;

	private final Supplier<List<ChaosDataSource>> dataSources;

	private final Map<String, Hold> holds = new LinkedHashMap<>();

	PoolExhauster(ObjectProvider<ChaosEngine> engines, Supplier<List<ChaosDataSource>> dataSources) {
		this.engines = engines;
		this.dataSources = dataSources;
	}

	@Override
	public void onChange(Change change) {
		reconcile();
	}

	synchronized void reconcile() {
		ChaosEngine engine = this.engines.getObject();
		Set<String> wanted = new HashSet<>();
		for (ChaosDataSource dataSource : this.dataSources.get()) {
			for (PoolHold hold : engine.jdbc().poolHolds(dataSource.getName())) {
				String key = dataSource.getName() + "|" + hold.key();
				wanted.add(key);
				if (!this.holds.containsKey(key)) {
					this.holds.put(key, Hold.start(dataSource, hold, engine));
				}
			}
		}
		this.holds.entrySet().removeIf((entry) -> {
			if (wanted.contains(entry.getKey())) {
				return false;
			}
			entry.getValue().release();
			return true;
		});
	}

	@Override
	public synchronized void destroy() {
		this.holds.values().forEach(Hold::release);
		this.holds.clear();
	}

	/**
	 * The connections one assault holds in one pool.
	 */
	private static final class Hold implements Runnable {

		private final ChaosDataSource dataSource;

		private final PoolHold hold;

		private final List<Connection> held = new ArrayList<>();

		private volatile boolean released;

		private volatile Thread thread;

		private Hold(ChaosDataSource dataSource, PoolHold hold) {
			this.dataSource = dataSource;
			this.hold = hold;
		}

		static Hold start(ChaosDataSource dataSource, PoolHold hold, ChaosEngine engine) {
			Hold started = new Hold(dataSource, hold);
			if (!engine.jdbc().poolHoldStarts(dataSource.getName(), hold)) {
				started.released = true;
				return started;
			}
			Thread thread = new Thread(started, "chaos-pool-exhaustion-" + dataSource.getName());
			thread.setDaemon(true);
			started.thread = thread;
			thread.start();
			return started;
		}

		@Override
		public void run() {
			Pool pool = this.dataSource.pool();
			int wanted = (this.hold.connections() > 0) ? this.hold.connections()
					: (pool.maxConnections() > 0) ? pool.maxConnections() : MAX_UNKNOWN;
			long deadline = (this.hold.hold() != null) ? System.nanoTime() + this.hold.hold().toNanos()
					: Long.MAX_VALUE;
			try {
				while (!this.released && count() < wanted && System.nanoTime() < deadline) {
					try {
						keep(this.dataSource.getTargetDataSource().getConnection());
					}
					catch (SQLException ex) {
						// the application holds the rest for now: try again when one is
						// returned
						if (this.released || pool.maxConnections() == 0) {
							break;
						}
					}
				}
				logger.info("Chaos assault '" + this.hold.assault() + "' holds " + count() + " connections of "
						+ pool.name() + ((this.hold.hold() != null) ? " for " + ChaosEngine.format(this.hold.hold())
								: " until chaos stops"));
				while (!this.released && System.nanoTime() < deadline) {
					TimeUnit.NANOSECONDS.sleep(Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
				}
			}
			catch (InterruptedException ex) {
				// released
			}
			finally {
				closeAll();
			}
		}

		private synchronized int count() {
			return this.held.size();
		}

		private synchronized void keep(Connection connection) throws SQLException {
			if (this.released) {
				connection.close();
				return;
			}
			this.held.add(connection);
		}

		void release() {
			this.released = true;
			Thread thread = this.thread;
			if (thread != null) {
				thread.interrupt();
			}
			closeAll();
		}

		private synchronized void closeAll() {
			if (this.held.isEmpty()) {
				return;
			}
			for (Connection connection : this.held) {
				try {
					connection.close();
				}
				catch (SQLException | RuntimeException ex) {
					logger.debug("Could not return a held connection", ex);
				}
			}
			logger.info("Chaos assault '" + this.hold.assault() + "' released " + this.held.size()
					+ " connections of data source '" + this.dataSource.getName() + "'");
			this.held.clear();
		}

	}

}
