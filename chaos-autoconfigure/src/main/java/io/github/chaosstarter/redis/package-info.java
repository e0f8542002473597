/**
 * Assaults on the application's Redis, beneath its templates and repositories: decorated
 * Spring Data Redis {@code RedisConnectionFactory} beans whose connections fail or slow
 * down commands as an unreachable or stalled Redis does.
 */
@NullMarked
package io.github.chaosstarter.redis;

import org.jspecify.annotations.NullMarked;
