/**
 * A service guarded by a Resilience4j circuit breaker: what observing the breaker's
 * events costs.
 */
@NullMarked
package io.github.chaosstarter.benchmarks.breaker;

import org.jspecify.annotations.NullMarked;
