package io.github.chaosstarter.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.Strike;

/**
 * A connection handed out while a statement assault is active: the statements it creates
 * are decided when they execute — {@code executeQuery} is a {@code query}, every other
 * {@code execute*} an {@code update} unless its SQL reads ({@code select}, {@code with},
 * {@code values}, {@code show}, {@code explain}). Everything else is the pool's
 * connection's, {@code unwrap} included.
 *
 * @author Chaos Starter team
 */
final class ChaosConnection implements InvocationHandler {

	private final Connection delegate;

	private final ChaosDataSource dataSource;

	private final Pool pool;

	private ChaosConnection(Connection delegate, ChaosDataSource dataSource, Pool pool) {
		this.delegate = delegate;
		this.dataSource = dataSource;
		this.pool = pool;
	}

	static Connection wrap(Connection connection, ChaosDataSource dataSource, Pool pool) {
		return (Connection) Proxy.newProxyInstance(ChaosConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ChaosConnection(connection, dataSource, pool));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (Wrappers.handles(method)) {
			return Wrappers.invoke(proxy, this.delegate, method, args);
		}
		Object result = Wrappers.call(this.delegate, method, args);
		if (result instanceof Statement statement
				&& (name.equals("createStatement") || name.equals("prepareStatement") || name.equals("prepareCall"))) {
			String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
			Class<?> type = (statement instanceof CallableStatement) ? CallableStatement.class
					: (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
			return Proxy.newProxyInstance(ChaosConnection.class.getClassLoader(), new Class<?>[] { type },
					new StatementHandler(statement, sql, proxy));
		}
		return result;
	}

	static boolean reads(@Nullable String sql) {
		if (sql == null) {
			return false;
		}
		String start = sql.stripLeading().toLowerCase(Locale.ROOT);
		return start.startsWith("select") || start.startsWith("with") || start.startsWith("values")
				|| start.startsWith("show") || start.startsWith("explain") || start.startsWith("(");
	}

	/**
	 * A statement of a watched connection.
	 */
	private final class StatementHandler implements InvocationHandler {

		private final Statement delegate;

		private final @Nullable String sql;

		private final Object connection;

		StatementHandler(Statement delegate, @Nullable String sql, Object connection) {
			this.delegate = delegate;
			this.sql = sql;
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			String name = method.getName();
			if (Wrappers.handles(method)) {
				return Wrappers.invoke(proxy, this.delegate, method, args);
			}
			if (name.equals("getConnection") && method.getParameterCount() == 0) {
				return this.connection;
			}
			if (name.startsWith("execute")) {
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : this.sql;
				String operation = (name.equals("executeQuery") || (name.equals("execute") && reads(sql))) ? "query"
						: "update";
				ChaosDataSource source = ChaosConnection.this.dataSource;
				Pool pool = ChaosConnection.this.pool;
				Strike strike = source.engine()
					.jdbc()
					.strike(source.getName(), operation, sql, pool.name(), pool.waitMillis());
				if (strike != null) {
					JdbcFaults.execute(strike, this.delegate.getQueryTimeout());
				}
			}
			return Wrappers.call(this.delegate, method, args);
		}

	}

	/**
	 * {@code unwrap}, {@code isWrapperFor}, {@code equals}, {@code hashCode} and
	 * {@code toString} of a proxy, and calls on its target.
	 */
	private static final class Wrappers {

		static boolean handles(Method method) {
			String name = method.getName();
			return (name.equals("unwrap") || name.equals("isWrapperFor")) && method.getParameterCount() == 1
					|| method.getDeclaringClass() == Object.class;
		}

		static @Nullable Object invoke(Object proxy, Object target, Method method, @Nullable Object[] args)
				throws Throwable {
			switch (method.getName()) {
				case "unwrap": {
					Class<?> type = (Class<?>) args[0];
					return (type.isInstance(proxy)) ? proxy : call(target, method, args);
				}
				case "isWrapperFor": {
					Class<?> type = (Class<?>) args[0];
					return type.isInstance(proxy) || (boolean) call(target, method, args);
				}
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				default:
					return "Chaos-watched " + target;
			}
		}

		static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
