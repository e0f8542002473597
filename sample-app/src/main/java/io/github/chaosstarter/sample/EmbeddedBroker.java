package io.github.chaosstarter.sample;

import java.util.Map;

import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts a one-node Kafka broker (the KRaft broker of {@code spring-kafka-test}) inside
 * the sample when {@code shop.events.embedded-broker} is true, and points
 * {@code spring.kafka.bootstrap-servers} at it, so that the tour needs no Kafka
 * installation. Registered in {@code META-INF/spring.factories}; stopped with the
 * context. A real application sets {@code spring.kafka.bootstrap-servers} instead.
 *
 * @author Chaos Starter team
 */
public class EmbeddedBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!context.getEnvironment().getProperty("shop.events.embedded-broker", Boolean.class, false)) {
			return;
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, OrderEvents.TOPIC);
		broker.afterPropertiesSet();
		// other instances of a fleet join this broker (docs/fleet.md)
		LogFactory.getLog(EmbeddedBroker.class).info("Embedded Kafka broker at " + broker.getBrokersAsString());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedKafkaBroker",
					Map.of("spring.kafka.bootstrap-servers", broker.getBrokersAsString())));
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				broker.destroy();
			}
		});
	}

}
