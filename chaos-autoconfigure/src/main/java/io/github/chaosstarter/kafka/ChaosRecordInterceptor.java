package io.github.chaosstarter.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.RecordInterceptor;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * Asks the engine for each record a record listener is about to receive, while a kafka
 * assault is active: latency delays the record on the consumer thread, an exception is
 * thrown before the listener method runs, so that the container hands it to the
 * application's error handler (retries, dead-letter publishing) as a failure of the
 * listener.
 *
 * @author Chaos Starter team
 */
final class ChaosRecordInterceptor implements RecordInterceptor<Object, Object> {

	private static final DependencyChaos.Unreachable NOT_RECEIVED = (topic,
			afterWait) -> new IllegalStateException("unavailable is refused for receive");

	private final DependencyChaos chaos;

	ChaosRecordInterceptor(DependencyChaos chaos) {
		this.chaos = chaos;
	}

	@Override
	public @Nullable ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		if (!this.chaos.kafkaActive()) {
			return record;
		}
		Strike strike = this.chaos.strikeKafka(record.topic(), "receive", NOT_RECEIVED);
		if (strike == null) {
			return record;
		}
		strike.waitAndThrow();
		return record;
	}

}
