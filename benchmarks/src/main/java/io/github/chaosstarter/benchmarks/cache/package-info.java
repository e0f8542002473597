/**
 * A Caffeine cache behind Spring's caching aspect, for {@code CacheResolveBenchmark}.
 */
package io.github.chaosstarter.benchmarks.cache;
