/**
 * The application of {@code JdbcConnectionBenchmark}: one HikariCP pool over H2.
 */
package io.github.chaosstarter.benchmarks.jdbc;
