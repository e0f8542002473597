package io.github.chaosstarter.rabbit;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * The innermost advice of a listener container: asks the engine for each message the
 * listener is about to receive, while a rabbit assault is active. Latency delays the
 * message on the consumer thread; an exception is thrown before the listener runs, so
 * that the container's retry interceptor, error handler and dead-lettering treat it as a
 * failure of the listener. Batches are passed on untouched.
 *
 * @author Chaos Starter team
 */
final class ChaosRabbitReceiving implements MethodInterceptor {

	private static final DependencyChaos.Unreachable NOT_RECEIVED = (exchange,
			afterWait) -> new IllegalStateException("unavailable is refused for receive");

	private final DependencyChaos chaos;

	ChaosRabbitReceiving(DependencyChaos chaos) {
		this.chaos = chaos;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] args = invocation.getArguments();
		if (this.chaos.rabbitActive() && args.length > 1 && args[1] instanceof Message message) {
			MessageProperties properties = message.getMessageProperties();
			String exchange = properties.getReceivedExchange();
			String routingKey = properties.getReceivedRoutingKey();
			Strike strike = this.chaos.strikeRabbit((exchange != null) ? exchange : "",
					(routingKey != null) ? routingKey : "", "receive", NOT_RECEIVED);
			if (strike != null) {
				strike.waitAndThrow();
			}
		}
		return invocation.proceed();
	}

}
