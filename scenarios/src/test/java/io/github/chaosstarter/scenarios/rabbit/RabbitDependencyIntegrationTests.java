package io.github.chaosstarter.scenarios.rabbit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.fixture.Outcome;
import io.github.chaosstarter.scenarios.rabbit.fixture.RabbitApplication;
import io.github.chaosstarter.scenarios.rabbit.fixture.RabbitServer;

import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.assertRefused;
import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code rabbit} targets on Boot's {@code RabbitTemplate} and listener container factory
 * against a real {@code rabbitmq-server} started on a free port (skipped, saying so, when
 * Debian's {@code rabbitmq-server} is not installed): {@code unavailable} compared with a
 * template whose broker is really down, receive faults through the broker's
 * dead-lettering.
 */
@SpringBootTest(classes = RabbitApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.rabbitmq.host=127.0.0.1",
				"spring.rabbitmq.listener.simple.default-requeue-rejected=false" })
@DirtiesContext
class RabbitDependencyIntegrationTests {

	private static RabbitServer server;

	@Autowired
	Chaos chaos;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitApplication.Shipping shipping;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startRabbit() throws IOException {
		assumeTrue(RabbitServer.available(),
				"rabbitmq-server is not installed: RabbitMQ tests skipped (Debian: apt-get install rabbitmq-server)");
		server = RabbitServer.start();
	}

	@AfterAll
	static void stopRabbit() {
		if (server != null) {
			server.close();
		}
	}

	@DynamicPropertySource
	static void rabbitPort(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.port", () -> server.port());
	}

	@BeforeEach
	void clear() {
		this.shipping.shipped.clear();
		this.shipping.deadLetters.clear();
	}

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
	}

	@Test
	void withoutAnAssaultMessagesFlowAsBefore() throws Exception {
		this.chaos.assault("events-down")
			.target((target) -> target.rabbit((rabbit) -> rabbit.exchanges("events").operations("send")))
			.unavailable()
			.apply();
		this.rabbit.convertAndSend("events", "order.placed", "placed 0");
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 0");
		assertThat(this.chaos.state().assaults().get("events-down").matched()).as("chaos is off").isZero();
	}

	@Test
	void unavailableFailsAsABrokerThatIsReallyDown() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		CachingConnectionFactory down = new CachingConnectionFactory("127.0.0.1", closed);
		Outcome real;
		try {
			RabbitTemplate template = new RabbitTemplate(down);
			real = Outcome.of(() -> {
				template.convertAndSend("events", "order.placed", "placed 1");
				return null;
			});
		}
		finally {
			down.destroy();
		}
		this.chaos.assault("events-down")
			.target((target) -> target.rabbit((rabbit) -> rabbit.exchanges("events").operations("send")))
			.unavailable()
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> {
			this.rabbit.convertAndSend("events", "order.placed", "placed 1");
			return null;
		});
		assertThat(real.failure()).isInstanceOf(AmqpConnectException.class);
		assertThat(injected.causes()).isEqualTo(real.causes());
		assertThat(injected.failure()).hasMessage(real.failure().getMessage());
		assertThat(InjectedFaults.isMarked(injected.failure())).isTrue();
		assertThat(InjectedFaults.injectedIn(real.failure(), 5)).isNull();
	}

	@Test
	void latencyDelaysThePublish() {
		this.chaos.assault("events-slow")
			.target((target) -> target.rabbit((rabbit) -> rabbit.routingKeys("order.*").operations("send")))
			.latency(Duration.ofMillis(300))
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> {
			this.rabbit.convertAndSend("events", "order.placed", "placed 2");
			return null;
		});
		assertThat(injected.failure()).isNull();
		assertThat(injected.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void aReceiveFaultIsRejectedAndDeadLetteredByTheBroker() throws Exception {
		this.chaos.assault("shipping-broken")
			.target((target) -> target.rabbit((rabbit) -> rabbit.exchanges("events").operations("receive")))
			.exception(IllegalStateException.class, "shipping label printer on fire")
			.apply();
		this.chaos.enable();
		this.rabbit.convertAndSend("events", "order.placed", "placed 3");
		assertThat(this.shipping.deadLetters.poll(30, TimeUnit.SECONDS)).isEqualTo("placed 3");
		assertThat(this.shipping.shipped).as("the listener never ran").isEmpty();
		assertThat(this.chaos.state().assaults().get("shipping-broken").injected()).isEqualTo(1);
	}

	@Test
	void targetingSelectsTheNamedExchangesRoutingKeysAndOperationsOnly() throws Exception {
		this.chaos.change(Map.of("enabled", true, "assaults",
				Map.of("audit-down", Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of(""), "routing-keys",
						List.of("audit"), "operations", List.of("send"))), "unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		assertThat(http.post("/api/orders/4", "{}").status()).as("the events exchange is not selected")
			.isEqualTo(200);
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 4");
		assertThat(this.chaos.state().assaults().get("audit-down").injected()).isZero();
		assertThat(http.post("/api/audit/4", "{}").status()).isEqualTo(202);
		assertThat(this.chaos.state().assaults().get("audit-down").injected()).isEqualTo(1);
	}

	@Test
	void dryRunInjectsNothing() throws Exception {
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults",
				Map.of("events-down", Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of("events"))),
						"exception", Map.of("message", "dry")))));
		this.rabbit.convertAndSend("events", "order.placed", "placed 5");
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 5");
		Chaos.AssaultState assault = this.chaos.state().assaults().get("events-down");
		assertThat(assault.injected()).isZero();
		assertThat(assault.dryRunHits()).as("the send and the receive").isEqualTo(2);
	}

	@Test
	void theEventsExchangeIsCriticalAndTheAuditQueueOptional() {
		this.chaos.change(Map.of("enabled", true, "expect",
				Map.of("critical", List.of("rabbit:events"), "optional", List.of("rabbit:audit")), "assaults",
				Map.of("broker-down", Map.of("target", Map.of("rabbit", Map.of("operations", List.of("send"))),
						"unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/api/orders/" + i, "{}").status()).isEqualTo(500);
			assertThat(http.post("/api/audit/" + i, "{}").status()).isEqualTo(202);
		}
		// the client may see a response a moment before the server has finished with it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ResilienceReport report = this.chaos.report();
			ServiceReport.DependencyReport events = dependency(report, "rabbit:events");
			assertThat(events.type()).isEqualTo("rabbit");
			assertThat(events.requests()).isEqualTo(3);
			assertThat(events.failed()).isEqualTo(3);
			assertThat(events.observed().name()).isEqualTo("CRITICAL");
			assertThat(events.verdict().name()).isEqualTo("HELD");
			ServiceReport.DependencyReport audit = dependency(report, "rabbit:audit");
			assertThat(audit.requests()).isEqualTo(3);
			assertThat(audit.failed()).isZero();
			assertThat(audit.observed().name()).isEqualTo("OPTIONAL");
			assertThat(audit.verdict().name()).isEqualTo("HELD");
		});
	}

	@Test
	void whatARabbitTargetCannotHaveIsRefusedNamingTheField() {
		assertRefused(this.chaos, Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of("events"))), "unavailable",
				Map.of("immediately", true)), "chaos.assaults.x.target.rabbit.operations");
		assertRefused(this.chaos, Map.of("target", Map.of("rabbit", Map.of("operations", List.of("consume"))), "latency",
				Map.of("min", "1ms")), "chaos.assaults.x.target.rabbit.operations[0]");
		assertRefused(this.chaos, Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of(" "))), "latency",
				Map.of("min", "1ms")), "chaos.assaults.x.target.rabbit.exchanges[0]");
		assertRefused(this.chaos, Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of("events"))), "kill",
				Map.of("mode", "graceful")), "chaos.assaults.x.kill");
		assertRefused(this.chaos, Map.of("target", Map.of("rabbit", Map.of("exchanges", List.of("events")), "kafka",
				Map.of("topics", List.of("t"))), "latency", Map.of("min", "1ms")), "chaos.assaults.x.target.rabbit");
		assertThat(this.chaos.state().assaults()).isEmpty();
	}



}
