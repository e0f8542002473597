/**
 * Which calls an assault attacks: bean kinds, names, classes and methods.
 */
@NullMarked
package io.github.chaosstarter.target;

import org.jspecify.annotations.NullMarked;
