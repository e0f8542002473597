/**
 * The guard: chaos halts itself when the share of 5xx responses is too high.
 */
@NullMarked
package io.github.chaosstarter.guard;

import org.jspecify.annotations.NullMarked;
