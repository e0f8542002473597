/**
 * Assaults on the application's JDBC data sources, beneath its repositories, Spring's
 * exception translation and transaction management: decorated {@code DataSource} beans
 * whose connections and statements fail or slow down as a real database's do.
 */
@NullMarked
package io.github.chaosstarter.jdbc;

import org.jspecify.annotations.NullMarked;
