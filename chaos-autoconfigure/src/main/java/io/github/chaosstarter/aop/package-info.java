/**
 * Advice on watched beans, placed innermost so the application's resilience layers see
 * every fault.
 */
@NullMarked
package io.github.chaosstarter.aop;

import org.jspecify.annotations.NullMarked;
