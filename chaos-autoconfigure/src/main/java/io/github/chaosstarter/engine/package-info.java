/**
 * The chaos engine: compiles the {@code chaos.*} configuration and every change into one
 * immutable state, decides per call which assaults strike, applies their effects inside
 * the application's resilience layers, and keeps the audit trail. Adapters in other
 * packages (web, HTTP clients, the report) reach it through {@link ChaosEngine},
 * {@link Strike}, {@link ChaosListener}, {@link RequestFacts} and {@link InjectedFaults};
 * everything else here is package-private.
 */
@NullMarked
package io.github.chaosstarter.engine;

import org.jspecify.annotations.NullMarked;
