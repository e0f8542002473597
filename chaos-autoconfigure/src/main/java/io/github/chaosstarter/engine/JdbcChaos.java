package io.github.chaosstarter.engine;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The side of the {@link ChaosEngine} that the starter's decorated data sources ask: per
 * {@code getConnection()}, per statement, and on every change for pool exhaustion. The
 * check per {@code getConnection()} costs one volatile read while chaos is off.
 *
 * @author Chaos Starter team
 */
public final class JdbcChaos {

	private final ChaosRuntime runtime;

	JdbcChaos(ChaosRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Return whether a jdbc assault may strike data source calls now: the one check a
	 * decorated data source makes per {@code getConnection()} while chaos is off.
	 * @return {@code true} while chaos is on and such an assault is enabled
	 */
	public boolean active() {
		return this.runtime.current().jdbcChaos();
	}

	/**
	 * Return whether a jdbc assault may strike statements of a data source now, so that
	 * the connections it hands out must be watched.
	 * @param dataSource the data source's bean name
	 * @return {@code true} when statements may be struck
	 */
	public boolean statements(String dataSource) {
		for (Assault assault : this.runtime.current().jdbcAssaults()) {
			if (assault.watchesStatements(dataSource)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the pool-exhaustion assaults that apply to a data source now.
	 * @param dataSource the data source's bean name
	 * @return the holds, empty while chaos is off
	 */
	public List<PoolHold> poolHolds(String dataSource) {
		ChaosState state = this.runtime.current();
		List<PoolHold> holds = new ArrayList<>();
		for (Assault assault : state.poolAssaults()) {
			if (assault.matchesJdbc(dataSource, "connect", null)
					&& assault.spec().effect() instanceof AssaultSpec.PoolExhaustionSpec exhaustion) {
				holds.add(new PoolHold(assault.name(), exhaustion.connections(), exhaustion.hold(),
						assault.name() + "@" + System.identityHashCode(assault) + "@" + state.enabledAt()));
			}
		}
		return holds;
	}

	/**
	 * Return whether a pool-exhaustion assault holds connections of a data source now.
	 * @param dataSource the data source's bean name
	 * @return {@code true} while such an assault applies
	 */
	public boolean poolExhausted(String dataSource) {
		for (Assault assault : this.runtime.current().poolAssaults()) {
			if (assault.matchesJdbc(dataSource, "connect", null)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Note, for the request being served, that it asks a pool for a connection while a
	 * pool-exhaustion assault holds that pool's connections: it meets the fault whether
	 * or not a connection is left.
	 * @param dataSource the data source's bean name
	 */
	public void poolCalled(String dataSource) {
		ChaosState state = this.runtime.current();
		if (state.spec().dryRun()) {
			return;
		}
		for (Assault assault : state.poolAssaults()) {
			if (assault.matchesJdbc(dataSource, "connect", null)) {
				ChaosListener.Dependency dependency = assault.dependency(new Sites.Pool(dataSource));
				if (dependency != null) {
					RequestLedger.called(dependency);
				}
			}
		}
	}

	/**
	 * Count and report a pool-exhaustion assault that starts to hold connections.
	 * @param dataSource the data source's bean name
	 * @param hold the hold
	 * @return {@code true} to hold the connections, {@code false} in a dry run or when
	 * the assault is no longer active
	 */
	public boolean poolHoldStarts(String dataSource, PoolHold hold) {
		ChaosState state = this.runtime.current();
		for (Assault assault : state.poolAssaults()) {
			if (assault.name().equals(hold.assault())) {
				boolean dryRun = state.spec().dryRun();
				if (!assault.decide(state.random(), dryRun)) {
					return false;
				}
				state.dispatch().injected(assault, new Sites.Pool(dataSource), null, 0, dryRun);
				return !dryRun;
			}
		}
		return false;
	}

	/**
	 * Describe a pool that gave up waiting for a connection, in HikariCP's words: what an
	 * unreachable database and a drained pool both end in.
	 * @param pool the pool's name
	 * @param waitedMillis how long it waited
	 * @return the exception
	 */
	public static SQLTransientConnectionException poolTimeout(String pool, long waitedMillis) {
		return new SQLTransientConnectionException(
				pool + " - Connection is not available, request timed out after " + waitedMillis + "ms.");
	}

	/**
	 * One pool-exhaustion assault that applies to a data source.
	 *
	 * @param assault the assault's name
	 * @param connections how many connections to hold, {@code 0} for all
	 * @param hold how long, or {@code null} until chaos stops
	 * @param key the same while the same assault stays active; a new one when it is
	 * changed or chaos is switched on again
	 */
	public record PoolHold(String assault, int connections, @Nullable Duration hold, String key) {

	}

	/**
	 * Decide for one call to a data source.
	 * @param dataSource the data source's bean name
	 * @param operation {@code connect}, {@code query} or {@code update}
	 * @param sql the statement, or {@code null} for {@code connect}
	 * @param pool the pool's name, as its own errors name it
	 * @param waitMillis how long the pool waits for a connection before it gives up
	 * @return the strike, or {@code null} when the call proceeds untouched
	 */
	public @Nullable Strike strike(String dataSource, String operation, @Nullable String sql, String pool,
			long waitMillis) {
		ChaosState state = this.runtime.current();
		if (state.jdbcAssaults().length == 0) {
			return null;
		}
		String normalized = (sql != null) ? JdbcSpec.normalize(sql) : null;
		return Strike.decide(state, state.jdbcAssaults(),
				new Sites.Jdbc(dataSource, operation, normalized, pool, waitMillis));
	}

}
