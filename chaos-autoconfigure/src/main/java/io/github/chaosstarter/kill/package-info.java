/**
 * Kill assaults: stopping the application gracefully or abruptly.
 */
@NullMarked
package io.github.chaosstarter.kill;

import org.jspecify.annotations.NullMarked;
