/**
 * Benchmarks of the advised hot path.
 */
@NullMarked
package io.github.chaosstarter.benchmarks;

import org.jspecify.annotations.NullMarked;
