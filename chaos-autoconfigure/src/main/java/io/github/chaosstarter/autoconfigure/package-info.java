/**
 * Auto-configuration of the chaos starter.
 */
@NullMarked
package io.github.chaosstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
