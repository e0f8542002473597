package io.github.chaosstarter.scenarios.propagation;

import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Two services of one user journey: {@link Stock}, the downstream one, whose assault
 * hits only requests carrying {@code X-Journey: checkout}, and {@link Shop}, the upstream
 * one (Spring MVC or WebFlux), whose endpoints call the stock service through clients
 * built by Spring.
 */
final class JourneyApplications {

	static final String JOURNEY = "X-Journey";

	private JourneyApplications() {
	}

	static ConfigurableApplicationContext start(Class<?> application, WebApplicationType type,
			Map<String, Object> properties) {
		return new SpringApplicationBuilder(application).web(type)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off"))
			.properties(properties)
			.run();
	}

	/** The downstream service: answers what it received. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Stock.StockController.class)
	static class Stock {

		@RestController
		static class StockController {

			@GetMapping("/stock")
			String stock(@RequestHeader(name = JOURNEY, required = false) String journey,
					@RequestHeader(name = "X-Other", required = false) String other) {
				return "in stock (journey=" + journey + ", other=" + other + ")";
			}

		}

	}

	/** The upstream service on Spring MVC: each endpoint calls the stock service. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MvcShop.RelayController.class)
	static class MvcShop {

		@Bean
		RestTemplate restTemplate() {
			return new RestTemplate();
		}

		@RestController
		static class RelayController {

			private final RestClient restClient;

			private final RestTemplate restTemplate;

			private final WebClient webClient;

			private final String stock;

			RelayController(RestClient.Builder restClient, RestTemplate restTemplate, WebClient.Builder webClient,
					@Value("${stock.url}") String stock) {
				this.restClient = restClient.baseUrl(stock).build();
				this.restTemplate = restTemplate;
				this.webClient = webClient.baseUrl(stock).build();
				this.stock = stock;
			}

			@GetMapping("/relay/rest-client")
			String restClient() {
				try {
					return this.restClient.get().uri("/stock").retrieve().body(String.class);
				}
				catch (RestClientResponseException ex) {
					return answered(ex.getStatusCode().value(), ex.getResponseHeaders().getFirst("X-Chaos-Assault"));
				}
			}

			@GetMapping("/relay/rest-client-own-journey")
			String restClientOwnJourney() {
				try {
					return this.restClient.get().uri("/stock").header(JOURNEY, "browse").retrieve().body(String.class);
				}
				catch (RestClientResponseException ex) {
					return answered(ex.getStatusCode().value(), ex.getResponseHeaders().getFirst("X-Chaos-Assault"));
				}
			}

			@GetMapping("/relay/rest-template")
			String restTemplate() {
				try {
					return this.restTemplate.getForObject(this.stock + "/stock", String.class);
				}
				catch (RestClientResponseException ex) {
					return answered(ex.getStatusCode().value(), ex.getResponseHeaders().getFirst("X-Chaos-Assault"));
				}
			}

			@GetMapping("/relay/web-client")
			String webClient() {
				try {
					return this.webClient.get().uri("/stock").retrieve().bodyToMono(String.class).block();
				}
				catch (WebClientResponseException ex) {
					return answered(ex.getStatusCode().value(), ex.getHeaders().getFirst("X-Chaos-Assault"));
				}
			}

		}

	}

	/**
	 * The upstream service on WebFlux: the call to the stock service is made after a hop
	 * to another thread, so only the Reactor context can tell which request it serves.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ReactiveShop.ReactiveRelayController.class)
	static class ReactiveShop {

		@RestController
		static class ReactiveRelayController {

			private final WebClient webClient;

			ReactiveRelayController(WebClient.Builder webClient, @Value("${stock.url}") String stock) {
				this.webClient = webClient.baseUrl(stock).build();
			}

			@GetMapping("/relay/web-client")
			Mono<String> webClient() {
				return Mono.delay(Duration.ofMillis(5))
					.flatMap((tick) -> this.webClient.get().uri("/stock").retrieve().bodyToMono(String.class))
					.onErrorResume(WebClientResponseException.class, (ex) -> Mono
						.just(answered(ex.getStatusCode().value(), ex.getHeaders().getFirst("X-Chaos-Assault"))));
			}

		}

	}

	static String answered(int status, String assault) {
		return "stock answered " + status + " (assault " + assault + ")";
	}

}
