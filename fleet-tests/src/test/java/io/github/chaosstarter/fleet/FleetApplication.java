package io.github.chaosstarter.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * One instance of a small service: a watched service and a watched component behind
 * {@code GET /greeting}, Spring Cloud Bus over Kafka or RabbitMQ, chaos with fleet
 * operations, and Spring Security guarding the writes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ FleetApplication.Greeter.class, FleetApplication.Punctuation.class, FleetApplication.Greetings.class,
		FleetApplication.Relay.class })
public class FleetApplication {

	/** The user the fleet's write operations need, on every instance. */
	static final String USER = "alice";

	static final String PASSWORD = "chaos-secret";

	static ConfigurableApplicationContext start(String busId, Map<String, String> bus, String... extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.application.name", "fleet");
		properties.put("spring.cloud.bus.id", busId);
		properties.putAll(bus);
		properties.put("spring.security.user.name", USER);
		properties.put("spring.security.user.password", PASSWORD);
		properties.put("spring.security.user.roles", "CHAOS");
		properties.put("management.endpoints.web.exposure.include", "chaos");
		properties.put("management.endpoint.chaos.access", "unrestricted");
		properties.put("chaos.fleet.enabled", "true");
		properties.put("chaos.fleet.ack-timeout", "4s");
		properties.put("chaos.watch.kinds", "service,component,rest-controller");
		properties.put("chaos.propagate-headers", "X-Journey");
		for (String property : extra) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new SpringApplicationBuilder(FleetApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
	}

	/**
	 * Spring Cloud Bus over Kafka.
	 * @param brokers the bootstrap servers
	 * @return the properties
	 */
	static Map<String, String> kafka(String brokers) {
		return Map.of("spring.cloud.stream.default-binder", "kafka", "spring.kafka.bootstrap-servers", brokers);
	}

	/**
	 * Spring Cloud Bus over RabbitMQ. Each instance consumes from a queue of its own,
	 * named after its bus id, neither durable nor kept once it disconnects: the binder's
	 * anonymous queues (Spring Cloud Stream 5) carry {@code x-queue-leader-locator},
	 * which Debian 12's RabbitMQ 3.10.8 refuses on a classic queue.
	 * @param port the AMQP port
	 * @param busId the instance's bus id
	 * @return the properties
	 */
	static Map<String, String> rabbit(int port, String busId) {
		return Map.of("spring.cloud.stream.default-binder", "rabbit", "spring.rabbitmq.host", "127.0.0.1",
				"spring.rabbitmq.port", String.valueOf(port), "spring.cloud.stream.bindings.springCloudBusInput.group",
				busId, "spring.cloud.stream.rabbit.bindings.springCloudBusInput.consumer.durable-subscription",
				"false");
	}

	/**
	 * Reactor Netty resources of this instance's own: by default every application in the
	 * JVM shares the global ones, and the first to close shuts them down under the
	 * others' {@code WebClient}s ("event executor terminated").
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		return factory;
	}

	/**
	 * Reads are open; writes (the chaos endpoint's {@code POST} and {@code DELETE}) need
	 * the role {@code CHAOS}, over HTTP Basic.
	 */
	@Bean
	SecurityFilterChain fleetSecurity(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.anyRequest()
				.hasRole("CHAOS"));
		return http.build();
	}

	/** A watched service. */
	@Service
	static class Greeter {

		public String greet() {
			return "hello";
		}

	}

	/** A watched component. */
	@Component
	static class Punctuation {

		public String mark() {
			return "!";
		}

	}

	@RestController
	static class Greetings {

		private final Greeter greeter;

		private final Punctuation punctuation;

		Greetings(Greeter greeter, Punctuation punctuation) {
			this.greeter = greeter;
			this.punctuation = punctuation;
		}

		@GetMapping("/greeting")
		String greeting() {
			return this.greeter.greet() + this.punctuation.mark();
		}

	}

	/** Calls another instance's {@code /greeting}, through a client built by Spring. */
	@RestController
	static class Relay {

		private final RestClient.Builder restClient;

		private final WebClient.Builder webClient;

		Relay(RestClient.Builder restClient, WebClient.Builder webClient) {
			this.restClient = restClient;
			this.webClient = webClient;
		}

		@GetMapping("/relay/rest-client")
		String restClient(@RequestParam String to) {
			try {
				return this.restClient.build().get().uri(to + "/greeting").retrieve().body(String.class);
			}
			catch (RestClientResponseException ex) {
				return "status " + ex.getStatusCode().value();
			}
		}

		@GetMapping("/relay/web-client")
		String webClient(@RequestParam String to) {
			try {
				return this.webClient.build().get().uri(to + "/greeting").retrieve().bodyToMono(String.class).block();
			}
			catch (WebClientResponseException ex) {
				return "status " + ex.getStatusCode().value();
			}

		}

	}

}
