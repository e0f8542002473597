package io.github.chaosstarter.rabbit;

import java.net.ConnectException;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.Correlation;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * Asks the engine for each message a {@code RabbitTemplate} is about to publish, while a
 * rabbit assault is active: {@code unavailable} throws the {@link AmqpConnectException}
 * the template throws when the broker refuses the connection, latency delays the publish
 * on the caller's thread, an exception is thrown from the send.
 *
 * @author Chaos Starter team
 */
final class ChaosRabbitPublishing implements MessagePostProcessor {

	private static final DependencyChaos.Unreachable UNREACHABLE = (exchange,
			afterWait) -> new AmqpConnectException(new ConnectException("Connection refused"));

	private final DependencyChaos chaos;

	ChaosRabbitPublishing(DependencyChaos chaos) {
		this.chaos = chaos;
	}

	@Override
	public Message postProcessMessage(Message message) {
		return message;
	}

	@Override
	public Message postProcessMessage(Message message, @Nullable Correlation correlation, @Nullable String exchange,
			@Nullable String routingKey) {
		if (!this.chaos.rabbitActive()) {
			return message;
		}
		Strike strike = this.chaos.strikeRabbit((exchange != null) ? exchange : "",
				(routingKey != null) ? routingKey : "", "send", UNREACHABLE);
		if (strike != null) {
			strike.waitAndThrow();
		}
		return message;
	}

}
