/**
 * Assaults on the application's Kafka messaging, beneath its templates and listeners:
 * decorated Spring Kafka {@code ProducerFactory} beans whose producers fail or slow down
 * sends as an unreachable or slow broker does, and a record interceptor on listener
 * container factories that fails or delays records before the listener method runs.
 */
@NullMarked
package io.github.chaosstarter.kafka;

import org.jspecify.annotations.NullMarked;
