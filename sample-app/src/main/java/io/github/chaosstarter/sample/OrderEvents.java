package io.github.chaosstarter.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes an {@code order-events} record for every order placed, for whoever wants to
 * know (analytics, e-mails). Best effort: an order never fails because its event could
 * not be published; the failure is logged.
 *
 * @author Chaos Starter team
 */
@Component
public class OrderEvents {

	static final String TOPIC = "order-events";

	private static final Log logger = LogFactory.getLog(OrderEvents.class);

	private final KafkaTemplate<String, String> kafka;

	public OrderEvents(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	public void placed(Order order) {
		String event = "{\"order\":" + order.id() + ",\"item\":\"" + order.item() + "\",\"status\":\"" + order.status()
				+ "\"}";
		try {
			this.kafka.send(TOPIC, String.valueOf(order.id()), event).whenComplete((result, failure) -> {
				if (failure != null) {
					logger.warn("Order event for order " + order.id() + " not published: " + failure.getMessage());
				}
			});
		}
		catch (KafkaException ex) {
			logger.warn("Order event for order " + order.id() + " not published: " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
		}
	}

}
