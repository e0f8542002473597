/**
 * The cost of the Kafka producer factory decoration on {@code KafkaTemplate.send}.
 */
package io.github.chaosstarter.benchmarks.kafka;
