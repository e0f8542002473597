package io.github.chaosstarter.fleet;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The fleet over Spring Cloud Bus on Kafka: the embedded KRaft broker of
 * spring-kafka-test.
 */
class FleetKafkaTests extends FleetTests {

	private EmbeddedKafkaKraftBroker broker;

	@Override
	void startBroker() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 1);
		this.broker.afterPropertiesSet();
	}

	@Override
	Map<String, String> bus(String busId) {
		return FleetApplication.kafka(this.broker.getBrokersAsString());
	}

	@Override
	void stopBroker() {
		if (this.broker != null) {
			this.broker.destroy();
		}
	}

}
