/**
 * Binding and validation of the {@code chaos.*} configuration into immutable
 * specifications.
 */
@NullMarked
package io.github.chaosstarter.config;

import org.jspecify.annotations.NullMarked;
