/**
 * A small shop to try Chaos Starter on: orders, a payment client behind a circuit
 * breaker, an inventory client with retries, and an unprotected repository.
 */
@NullMarked
package io.github.chaosstarter.sample;

import org.jspecify.annotations.NullMarked;
