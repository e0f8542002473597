package io.github.chaosstarter.engine;

import java.util.List;
import java.util.Locale;

/**
 * Conditions on a call to a JDBC data source: the {@code jdbc} part of an assault's
 * target.
 *
 * @param dataSources data source bean name patterns
 * @param operations {@code connect}, {@code query}, {@code update}; empty for all
 * @param statements lower-case SQL patterns with {@code *}
 * @author Chaos Starter team
 */
record JdbcSpec(List<String> dataSources, List<String> operations, List<String> statements) {

	/**
	 * Create a new instance.
	 */
	JdbcSpec {
		dataSources = List.copyOf(dataSources);
		operations = List.copyOf(operations);
		statements = List.copyOf(statements);
	}

	/**
	 * Return whether no condition is given.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return this.dataSources.isEmpty() && this.operations.isEmpty() && this.statements.isEmpty();
	}

	/**
	 * Write SQL, or an SQL pattern, as statements are matched: lower case, each run of
	 * whitespace one space. The one rule for patterns and executed statements.
	 * @param sql the SQL or pattern
	 * @return the normalized text
	 */
	static String normalize(String sql) {
		return sql.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/**
	 * Return whether the operation is selected.
	 * @param operation {@code connect}, {@code query} or {@code update}
	 * @return {@code true} when selected
	 */
	boolean selects(String operation) {
		return this.operations.isEmpty() || this.operations.contains(operation);
	}

}
