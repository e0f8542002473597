/**
 * No-op advice: the floor any proxy costs.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.aspect;

import org.jspecify.annotations.NullMarked;
