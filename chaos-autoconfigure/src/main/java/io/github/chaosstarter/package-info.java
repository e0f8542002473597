/**
 * Chaos Starter: service-level fault injection for Spring Boot that reports whether the
 * application's resilience mechanisms reacted.
 */
@NullMarked
package io.github.chaosstarter;

import org.jspecify.annotations.NullMarked;
