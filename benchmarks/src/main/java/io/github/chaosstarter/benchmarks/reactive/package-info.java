/**
 * A WebFlux-style app with one watched reactive service, for the concurrency harness.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.reactive;

import org.jspecify.annotations.NullMarked;
