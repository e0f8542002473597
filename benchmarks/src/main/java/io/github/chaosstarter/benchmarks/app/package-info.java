/**
 * The beans the benchmarks call: what a user would have.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.app;

import org.jspecify.annotations.NullMarked;
