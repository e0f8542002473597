/**
 * The {@code chaos} actuator endpoint: state, changes, halt and the resilience report.
 */
@NullMarked
package io.github.chaosstarter.endpoint;

import org.jspecify.annotations.NullMarked;
