/**
 * Micrometer meters for injections and the chaos switch.
 */
@NullMarked
package io.github.chaosstarter.metrics;

import org.jspecify.annotations.NullMarked;
