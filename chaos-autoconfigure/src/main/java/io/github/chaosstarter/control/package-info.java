/**
 * Runtime control shared by the {@code chaos} endpoint and the {@code Chaos} API: binding
 * and merging changes, and the audit log of every change.
 */
@NullMarked
package io.github.chaosstarter.control;

import org.jspecify.annotations.NullMarked;
