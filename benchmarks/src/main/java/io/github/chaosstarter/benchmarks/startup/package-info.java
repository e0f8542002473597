/**
 * Startup and heap probes.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
