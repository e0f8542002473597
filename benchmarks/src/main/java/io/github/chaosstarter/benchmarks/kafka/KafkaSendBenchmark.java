package io.github.chaosstarter.benchmarks.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;

/**
 * {@code KafkaTemplate.send} to Kafka's {@link MockProducer} (completing each send at
 * once), as the application sends records: (u) through the application's producer factory
 * itself; (v) through the factory bean Chaos Starter decorated, chaos off; (w) the same,
 * chaos on with an assault on something else (an outbound client call); (x) chaos on with
 * a kafka assault on another topic, so that the producer is decorated and asks the engine
 * on its send.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KafkaSendBenchmark {

	@Param({ "u_undecorated", "v_decoratedChaosOff", "w_decoratedChaosOnElsewhere", "x_kafkaAssaultOnOtherTopic" })
	public String variant = "u_undecorated";

	private ConfigurableApplicationContext context;

	private KafkaTemplate<String, String> template;

	private int sent;

	@Setup(Level.Trial)
	@SuppressWarnings("unchecked")
	public void start() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.autoconfigure.exclude", String.join(",", BenchmarkApplication.CHAOS_MONKEY));
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "error");
		this.context = new SpringApplicationBuilder(SendingApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		ProducerFactory<String, String> bean = this.context.getBean(ProducerFactory.class);
		boolean decorated = java.lang.reflect.Proxy.isProxyClass(bean.getClass());
		if (!this.variant.startsWith("u_") && !decorated) {
			throw new IllegalStateException("Variant " + this.variant + " is not decorated");
		}
		this.template = new KafkaTemplate<>(this.variant.startsWith("u_") ? new Producers() : bean);
		Chaos chaos = this.context.getBean(Chaos.class);
		if (this.variant.startsWith("w_")) {
			chaos.assault("elsewhere")
				.target((target) -> target.client((client) -> client.hosts("payments.example.com")))
				.exception()
				.apply();
			chaos.enable();
		}
		if (this.variant.startsWith("x_")) {
			chaos.assault("audit-down")
				.target((target) -> target.kafka((kafka) -> kafka.topics("audit").operations("send")))
				.exception(IllegalStateException.class, "audit down")
				.apply();
			chaos.enable();
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Object send() {
		if ((++this.sent & 1023) == 0) {
			// MockProducer keeps every record: forget them, in every variant alike
			Producers.PRODUCER.clear();
		}
		return this.template.send("orders", "17", "placed");
	}

	/**
	 * Start every variant once and send a record: a smoke check without JMH.
	 * @param args ignored
	 * @throws Exception when a send fails
	 */
	public static void main(String[] args) throws Exception {
		for (String variant : List.of("u_undecorated", "v_decoratedChaosOff", "w_decoratedChaosOnElsewhere",
				"x_kafkaAssaultOnOtherTopic")) {
			KafkaSendBenchmark benchmark = new KafkaSendBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			SendResult<?, ?> result = ((java.util.concurrent.CompletableFuture<SendResult<?, ?>>) (Object) benchmark
				.send()).get(1, TimeUnit.SECONDS);
			System.out.println(variant + ": " + result.getRecordMetadata() + " via "
					+ benchmark.template.getProducerFactory().getClass().getSimpleName());
			benchmark.stop();
		}
	}

	/**
	 * A producer factory handing out the one {@link MockProducer} that completes each
	 * send at once and ignores {@code close} (as Spring Kafka's shared producer does).
	 */
	static final class Producers implements ProducerFactory<String, String> {

		static final MockProducer<String, String> PRODUCER = new MockProducer<>(true, null, new StringSerializer(),
				new StringSerializer()) {

			@Override
			public void close() {
			}

			@Override
			public void close(Duration timeout) {
			}

		};

		@Override
		public Producer<String, String> createProducer() {
			return PRODUCER;
		}

	}

	/**
	 * A producer factory bean, Chaos Starter.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SendingApplication {

		@Bean
		Producers producerFactory() {
			return new Producers();
		}

	}

}
