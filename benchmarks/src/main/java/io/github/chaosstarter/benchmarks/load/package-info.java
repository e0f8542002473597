/**
 * Small apps for load tests.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.load;

import org.jspecify.annotations.NullMarked;
