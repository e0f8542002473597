package io.github.chaosstarter.runtime;

import java.lang.reflect.Method;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.target.BeanInfo;

/**
 * One injected fault (or, in dry-run mode, one that would have been injected).
 *
 * @param assault the assault's name
 * @param effect the effect kind: {@code exception}, {@code latency},
 * {@code error-response}, {@code kill}
 * @param bean the attacked bean, or {@code null} for an outbound client call
 * @param method the attacked method, or {@code null} for an outbound client call
 * @param target a description of what was attacked, e.g. {@code PaymentClient.charge} or
 * {@code GET payments.example.com/charge}
 * @param exception the injected exception, if any
 * @param delayNanos the injected delay, zero if none
 * @param dryRun whether nothing was actually injected
 * @param at when it happened
 * @author Chaos Starter team
 */
public record Injection(String assault, String effect, @Nullable BeanInfo bean, @Nullable Method method, String target,
		@Nullable Throwable exception, long delayNanos, boolean dryRun, Instant at) {

}
