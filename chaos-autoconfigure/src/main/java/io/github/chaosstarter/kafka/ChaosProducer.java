package io.github.chaosstarter.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * A producer handed out while a kafka assault is active: each {@code send} asks the
 * engine first; every other method goes to the factory's producer.
 * <ul>
 * <li>{@code unavailable} fails as a producer that reaches no broker: after
 * {@code max.block.ms} (skipped with {@code immediately}) the callback gets Kafka's
 * {@link TimeoutException} "Topic … not present in metadata after … ms." and the send
 * returns a failed future, so that {@code KafkaTemplate} completes its future
 * exceptionally and throws {@code KafkaException("Send failed")}, as it does then;</li>
 * <li>latency delays the record's acknowledgement, not the caller: the record is sent and
 * its callback runs once the delay has passed; a delay of at least
 * {@code delivery.timeout.ms} fails the record after that timeout with the
 * {@link TimeoutException} a producer raises for an expired batch, and the record is not
 * sent;</li>
 * <li>{@code exception} fails the record's callback with the exception.</li>
 * </ul>
 *
 * @author Chaos Starter team
 */
final class ChaosProducer implements InvocationHandler {

	private final Producer<?, ?> target;

	private final DependencyChaos chaos;

	private final DependencyChaos.Unreachable unreachable;

	private final Duration maxBlock;

	private final Duration deliveryTimeout;

	ChaosProducer(Producer<?, ?> target, DependencyChaos chaos, Duration maxBlock, Duration deliveryTimeout) {
		long maxBlockMs = maxBlock.toMillis();
		// as a producer that reaches no broker: after max.block.ms, or at once
		this.unreachable = (topic, afterWait) -> new TimeoutException(
				"Topic " + topic + " not present in metadata after " + (afterWait ? maxBlockMs : 0) + " ms.");
		this.target = target;
		this.chaos = chaos;
		this.maxBlock = maxBlock;
		this.deliveryTimeout = deliveryTimeout;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return Reflective.objectMethod(proxy, method, args, this.target);
		}
		if (method.getName().equals("send") && args != null && args.length > 0
				&& args[0] instanceof ProducerRecord<?, ?> record) {
			Callback callback = (args.length > 1) ? (Callback) args[1] : null;
			Strike strike = this.chaos.strikeKafka(record.topic(), "send", this.unreachable);
			if (strike != null) {
				return send(strike, method, args, record, callback);
			}
		}
		return call(method, args);
	}

	private @Nullable Object send(Strike strike, Method method, Object[] args, ProducerRecord<?, ?> record,
			@Nullable Callback callback) throws Throwable {
		Throwable failure = strike.failure();
		if (failure != null) {
			Strike.sleepNanos(strike.unavailableAfterWait() ? this.maxBlock.toNanos() : strike.delayNanos());
			if (!(failure instanceof Exception exception)) {
				throw failure;
			}
			if (callback != null) {
				callback.onCompletion(unsent(record), exception);
			}
			return CompletableFuture.failedFuture(exception);
		}
		long delay = strike.delayNanos();
		if (delay >= this.deliveryTimeout.toNanos()) {
			// the batch expires before the broker answers: the record is never sent
			CompletableFuture<RecordMetadata> expired = new CompletableFuture<>();
			Executor later = CompletableFuture.delayedExecutor(this.deliveryTimeout.toNanos(), TimeUnit.NANOSECONDS);
			later.execute(() -> {
				TopicPartition partition = partition(record);
				TimeoutException timeout = new TimeoutException("Expiring 1 record(s) for " + partition + ":"
						+ this.deliveryTimeout.toMillis() + " ms has passed since batch creation");
				strike.delayTimedOut(timeout);
				if (callback != null) {
					callback.onCompletion(unsent(record), timeout);
				}
				expired.completeExceptionally(timeout);
			});
			return expired;
		}
		long due = System.nanoTime() + delay;
		Callback delayed = (metadata, exception) -> {
			long left = due - System.nanoTime();
			if (callback == null) {
				return;
			}
			if (left <= 0) {
				callback.onCompletion(metadata, exception);
			}
			else {
				CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS)
					.execute(() -> callback.onCompletion(metadata, exception));
			}
		};
		Object[] delayedArgs = args.clone();
		if (delayedArgs.length > 1) {
			delayedArgs[1] = delayed;
			return call(method, delayedArgs);
		}
		return call(Producer.class.getMethod("send", ProducerRecord.class, Callback.class),
				new Object[] { record, delayed });
	}

	private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
		return Reflective.call(this.target, method, args);
	}

	private static TopicPartition partition(ProducerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), (record.partition() != null) ? record.partition() : -1);
	}

	private static RecordMetadata unsent(ProducerRecord<?, ?> record) {
		return new RecordMetadata(partition(record), -1, -1, -1, -1, -1);
	}

}
