/**
 * Assaults on the application's Spring caches, where Spring's caching annotations reach
 * them: the caches a cached method resolves are decorated while a cache assault is
 * active, and their failures reach the application's {@code CacheErrorHandler} as a
 * remote cache's would.
 */
@NullMarked
package io.github.chaosstarter.cache;

import org.jspecify.annotations.NullMarked;
