package io.github.chaosstarter.scenarios.kafka;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.ServiceReport;
import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.fixture.Outcome;
import io.github.chaosstarter.scenarios.kafka.fixture.KafkaApplication;

import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.assertRefused;
import static io.github.chaosstarter.scenarios.fixture.DependencyChecks.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code kafka} targets on Boot's producer factory and listener container factory against
 * a real broker, the embedded KRaft broker of {@code spring-kafka-test}: {@code unavailable}
 * compared with a producer whose broker is really unreachable, latency against
 * {@code delivery.timeout.ms}, receive faults through the application's error handler to
 * its dead-letter topic.
 */
@SpringBootTest(classes = KafkaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.delivery.timeout.ms=1500" })
@DirtiesContext
class KafkaDependencyIntegrationTests {

	private static final EmbeddedKafkaBroker broker = start();

	@Autowired
	Chaos chaos;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ProducerFactory<Object, Object> producerFactory;

	@Autowired
	KafkaApplication.Shipping shipping;

	@Autowired
	KafkaApplication.CountingInterceptor interceptor;

	@LocalServerPort
	int port;

	private static EmbeddedKafkaBroker start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, KafkaApplication.TOPICS);
		broker.afterPropertiesSet();
		return broker;
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@DynamicPropertySource
	static void brokers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
	}

	@BeforeEach
	void listenersAreAssigned() throws Exception {
		// an order placed without chaos reaches the listener: partitions are assigned
		this.kafka.send("orders", "warm-up", "warm-up").get(30, TimeUnit.SECONDS);
		while (!"warm-up".equals(this.shipping.nextShipped(Duration.ofSeconds(30)))) {
			// earlier tests' orders
		}
		this.shipping.shipped.clear();
		this.shipping.deadLetters.clear();
	}

	@AfterEach
	void removeAssaults() {
		this.chaos.halt();
		this.chaos.state().assaults().keySet().forEach(this.chaos::remove);
	}

	@Test
	void theFactoryIsDecoratedAndKeepsItsInterfacesAndLifecycle() {
		assertThat(Proxy.isProxyClass(this.producerFactory.getClass())).isTrue();
		assertThat(this.producerFactory).isInstanceOf(SmartLifecycle.class);
		assertThat(((SmartLifecycle) this.producerFactory).isRunning()).isTrue();
		this.chaos.assault("orders-down")
			.target((target) -> target.kafka((kafka) -> kafka.topics("orders").operations("send")))
			.unavailable()
			.apply();
		try (Producer<Object, Object> producer = this.producerFactory.createProducer()) {
			assertThat(Proxy.isProxyClass(producer.getClass())).as("chaos is off: the factory's own producer")
				.isFalse();
		}
		assertThat(this.chaos.state().assaults().get("orders-down").matched()).isZero();
	}

	/**
	 * Send through a real producer whose bootstrap server does not answer.
	 * @param maxBlockMs its {@code max.block.ms}
	 * @return what the send did
	 */
	private static Outcome sendWithoutABroker(int maxBlockMs) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		DefaultKafkaProducerFactory<Object, Object> unreachable = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closed,
						ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
						StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		try {
			KafkaTemplate<Object, Object> template = new KafkaTemplate<>(unreachable);
			return Outcome.of(() -> template.send("orders", "1", "placed 1"));
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void unavailableFailsAsABrokerThatCannotBeReached() throws IOException {
		Outcome real = sendWithoutABroker(1000);
		this.chaos.assault("orders-down")
			.target((target) -> target.kafka((kafka) -> kafka.topics("orders").operations("send")))
			.unavailable()
			.apply();
		this.chaos.enable();
		Outcome injected = Outcome.of(() -> this.kafka.send("orders", "1", "placed 1"));
		assertThat(real.failure()).isInstanceOf(KafkaException.class);
		assertThat(injected.causes()).isEqualTo(real.causes()).contains(TimeoutException.class);
		assertThat(injected.failure()).hasMessage(real.failure().getMessage());
		assertThat(injected.failure().getCause()).hasMessage(real.failure().getCause().getMessage())
			.hasMessage("Topic orders not present in metadata after 1000 ms.");
		assertThat(injected.elapsed()).as("after max.block.ms, as the real producer")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(real.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(InjectedFaults.isMarked(injected.failure().getCause())).as("the producer's exception").isTrue();
		assertThat(InjectedFaults.injectedIn(real.failure(), 5)).isNull();
	}

	@Test
	void unavailableImmediatelyFailsAsAProducerThatWaitsNoTimeForTheBroker() throws IOException {
		Outcome real = sendWithoutABroker(0);
		this.chaos.change(Map.of("enabled", true, "assaults",
				Map.of("orders-down", Map.of("target", Map.of("kafka", Map.of("topics", List.of("orders"), "operations",
						List.of("send"))), "unavailable", Map.of("immediately", true)))));
		Outcome injected = Outcome.of(() -> this.kafka.send("orders", "1", "placed 1"));
		assertThat(injected.causes()).isEqualTo(real.causes()).contains(TimeoutException.class);
		assertThat(injected.failure().getCause()).hasMessage(real.failure().getCause().getMessage())
			.hasMessage("Topic orders not present in metadata after 0 ms.");
		assertThat(injected.elapsed()).as("at once: not the application's max.block.ms")
			.isLessThan(Duration.ofMillis(1000));
	}

	@Test
	void latencyWithinTheDeliveryTimeoutDelaysTheAcknowledgementNotTheCaller() throws Exception {
		this.chaos.assault("orders-slow")
			.target((target) -> target.kafka((kafka) -> kafka.topics("orders").operations("send")))
			.latency(Duration.ofMillis(600))
			.apply();
		this.chaos.enable();
		long start = System.nanoTime();
		CompletableFuture<SendResult<Object, Object>> sent = this.kafka.send("orders", "2", "placed 2");
		Duration returned = Duration.ofNanos(System.nanoTime() - start);
		sent.get(10, TimeUnit.SECONDS);
		Duration acknowledged = Duration.ofNanos(System.nanoTime() - start);
		assertThat(acknowledged).isGreaterThanOrEqualTo(Duration.ofMillis(600)).isGreaterThan(returned);
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 2");
	}

	@Test
	void latencyPastTheDeliveryTimeoutExpiresTheRecordAfterThatTimeout() throws Exception {
		this.chaos.assault("orders-stall")
			.target((target) -> target.kafka((kafka) -> kafka.topics("orders").operations("send")))
			.latency(Duration.ofSeconds(5))
			.apply();
		this.chaos.enable();
		long start = System.nanoTime();
		CompletableFuture<SendResult<Object, Object>> sent = this.kafka.send("orders", "3", "placed 3");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> sent.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(KafkaProducerException.class)
			.satisfies((ex) -> assertThat(ex.getCause().getCause()).isInstanceOf(TimeoutException.class)
				.hasMessageMatching("Expiring 1 record\\(s\\) for orders--1:1500 ms has passed since batch creation"));
		Duration failed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(failed).as("after delivery.timeout.ms, not the 5s delay")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1500))
			.isLessThan(Duration.ofSeconds(5));
		this.chaos.halt();
		this.kafka.send("orders", "4", "placed 4").get(30, TimeUnit.SECONDS);
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).as("the expired record was never sent")
			.isEqualTo("placed 4");
	}

	@Test
	void aReceiveFaultGoesThroughTheErrorHandlerToTheDeadLetterTopic() throws Exception {
		this.chaos.assault("shipping-broken")
			.target((target) -> target.kafka((kafka) -> kafka.topics("orders").operations("receive")))
			.exception(IllegalStateException.class, "shipping label printer on fire")
			.apply();
		this.chaos.enable();
		int seen = this.interceptor.seen.get();
		this.kafka.send("orders", "5", "placed 5").get(30, TimeUnit.SECONDS);
		String deadLetter = this.shipping.deadLetters.poll(30, TimeUnit.SECONDS);
		assertThat(deadLetter).startsWith("placed 5 | ").contains("shipping label printer on fire");
		assertThat(this.shipping.shipped).as("the listener method never ran").isEmpty();
		assertThat(this.chaos.state().assaults().get("shipping-broken").injected())
			.as("the first delivery and the error handler's one retry")
			.isEqualTo(2);
		assertThat(this.interceptor.seen.get() - seen).as("the application's own interceptor still sees records")
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void targetingSelectsTheNamedTopicsAndOperationsOnly() throws Exception {
		this.chaos.change(Map.of("enabled", true, "assaults",
				Map.of("audit-down", Map.of("target", Map.of("kafka", Map.of("topics", List.of("audit*"), "operations",
						List.of("send"))), "unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		assertThat(http.post("/api/orders/6", "{}").status()).as("orders are not selected").isEqualTo(200);
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 6");
		assertThat(this.chaos.state().assaults().get("audit-down").injected()).isZero();
		assertThat(http.post("/api/audit/6", "{}").status()).isEqualTo(202);
		assertThat(this.chaos.state().assaults().get("audit-down").injected()).isEqualTo(1);
	}

	@Test
	void dryRunInjectsNothing() throws Exception {
		this.chaos.change(Map.of("enabled", true, "dry-run", true, "assaults",
				Map.of("orders-down", Map.of("target", Map.of("kafka", Map.of("topics", List.of("orders"))),
						"exception", Map.of("message", "dry")))));
		this.kafka.send("orders", "7", "placed 7").get(30, TimeUnit.SECONDS);
		assertThat(this.shipping.nextShipped(Duration.ofSeconds(30))).isEqualTo("placed 7");
		Chaos.AssaultState assault = this.chaos.state().assaults().get("orders-down");
		assertThat(assault.injected()).isZero();
		assertThat(assault.dryRunHits()).as("the send and the receive").isEqualTo(2);
	}

	@Test
	void theOrdersTopicIsCriticalAndTheAuditTrailOptional() {
		this.chaos.change(Map.of("enabled", true, "expect",
				Map.of("critical", List.of("kafka:orders"), "optional", List.of("kafka:audit-events")), "assaults",
				Map.of("broker-down", Map.of("target",
						Map.of("kafka", Map.of("topics", List.of("orders", "audit-events"), "operations",
								List.of("send"))),
						"unavailable", Map.of("immediately", true)))));
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/api/orders/" + i, "{}").status()).isEqualTo(500);
			assertThat(http.post("/api/audit/" + i, "{}").status()).isEqualTo(202);
		}
		// the client may see a response a moment before the server has finished with it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ResilienceReport report = this.chaos.report();
			ServiceReport.DependencyReport orders = dependency(report, "kafka:orders");
			assertThat(orders.type()).isEqualTo("kafka");
			assertThat(orders.requests()).isEqualTo(3);
			assertThat(orders.failed()).isEqualTo(3);
			assertThat(orders.observed().name()).isEqualTo("CRITICAL");
			assertThat(orders.verdict().name()).isEqualTo("HELD");
			ServiceReport.DependencyReport audit = dependency(report, "kafka:audit-events");
			assertThat(audit.requests()).isEqualTo(3);
			assertThat(audit.failed()).isZero();
			assertThat(audit.observed().name()).isEqualTo("OPTIONAL");
			assertThat(audit.verdict().name()).isEqualTo("HELD");
		});
	}

	@Test
	void whatAKafkaTargetCannotHaveIsRefusedNamingTheField() {
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("topics", List.of("orders"))), "unavailable", Map.of()),
				"chaos.assaults.x.target.kafka.operations");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("operations", List.of("receive"))), "unavailable",
				Map.of()), "chaos.assaults.x.target.kafka.operations");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("operations", List.of("publish"))), "latency",
				Map.of("min", "1ms")), "chaos.assaults.x.target.kafka.operations[0]");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("topics", List.of("a*"))), "error-response",
				Map.of("status", 503)), "chaos.assaults.x.error-response");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("topics", List.of("a*"))), "exception",
				Map.of("type", "java.io.IOException")), "chaos.assaults.x.exception.type");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("topics", List.of("a*")), "cache",
				Map.of("names", List.of("c"))), "latency", Map.of("min", "1ms")), "chaos.assaults.x.target.kafka");
		assertRefused(this.chaos, Map.of("target", Map.of("kafka", Map.of("topics", List.of(""))), "latency", Map.of("min", "1ms")),
				"chaos.assaults.x.target.kafka.topics[0]");
		assertThat(this.chaos.state().assaults()).isEmpty();
	}



}
