/**
 * What an assault does to a call: exceptions and latency, for blocking, reactive and
 * asynchronous methods.
 */
@NullMarked
package io.github.chaosstarter.effect;

import org.jspecify.annotations.NullMarked;
