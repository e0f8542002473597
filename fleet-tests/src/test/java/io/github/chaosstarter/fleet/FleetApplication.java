package io.github.chaosstarter.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
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
 * {@code GET /greeting}, Spring Cloud Bus over Kafka, and chaos with fleet operations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ FleetApplication.Greeter.class, FleetApplication.Punctuation.class, FleetApplication.Greetings.class,
		FleetApplication.Relay.class })
public class FleetApplication {

	static ConfigurableApplicationContext start(String busId, String brokers, String... extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.application.name", "fleet");
		properties.put("spring.cloud.bus.id", busId);
		properties.put("spring.kafka.bootstrap-servers", brokers);
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
