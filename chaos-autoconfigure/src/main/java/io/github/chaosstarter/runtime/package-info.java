/**
 * The current chaos state as one immutable snapshot, swapped atomically, with its
 * counters.
 */
@NullMarked
package io.github.chaosstarter.runtime;

import org.jspecify.annotations.NullMarked;
