/**
 * Assaults on the application's RabbitMQ messaging, beneath its templates and listeners:
 * a before-publish post-processor on {@code RabbitTemplate} beans that fails or slows
 * down sends as an unreachable or slow broker does, and an advice on listener containers
 * that fails or delays messages before the listener runs.
 */
@NullMarked
package io.github.chaosstarter.rabbit;

import org.jspecify.annotations.NullMarked;
