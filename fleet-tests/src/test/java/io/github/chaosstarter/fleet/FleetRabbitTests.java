package io.github.chaosstarter.fleet;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import io.github.chaosstarter.scenarios.rabbit.fixture.RabbitServer;

/**
 * The fleet over Spring Cloud Bus on RabbitMQ: a real {@code rabbitmq-server} (Debian's
 * package, which {@code .ci/run} installs), started on a free port. Skipped, saying so,
 * where it is not installed.
 */
class FleetRabbitTests extends FleetTests {

	private RabbitServer server;

	@Override
	void startBroker() throws Exception {
		Assumptions.assumeTrue(RabbitServer.available(),
				"rabbitmq-server is not installed (apt-get install rabbitmq-server): the fleet over RabbitMQ is not tested");
		this.server = RabbitServer.start();
	}

	@Override
	Map<String, String> bus(String busId) {
		return FleetApplication.rabbit(this.server.port(), busId);
	}

	@Override
	void stopBroker() {
		if (this.server != null) {
			this.server.close();
		}
	}

}
