/**
 * The resilience report: which injected faults reached which resilience mechanisms, and
 * whether each one reacted as its configuration promises.
 */
@NullMarked
package io.github.chaosstarter.report;

import org.jspecify.annotations.NullMarked;
