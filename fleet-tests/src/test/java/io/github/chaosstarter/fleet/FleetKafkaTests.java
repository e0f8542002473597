package io.github.chaosstarter.fleet;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.client.RestClient;

import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of one service in this JVM, each with its own
 * {@code spring.cloud.bus.id}, joined by Spring Cloud Bus over a real Kafka broker (the
 * embedded KRaft broker of spring-kafka-test). Instance {@code fleet:c} watches no
 * components, so its own configuration refuses an assault on one.
 */
class FleetKafkaTests {

	private static final String[] IDS = { "fleet:a", "fleet:b", "fleet:c" };

	private static EmbeddedKafkaKraftBroker broker;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static ConfigurableApplicationContext c;

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@BeforeAll
	static void start() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		String brokers = broker.getBrokersAsString();
		a = FleetApplication.start(IDS[0], brokers);
		b = FleetApplication.start(IDS[1], brokers);
		c = FleetApplication.start(IDS[2], brokers, "chaos.watch.kinds=service,rest-controller");
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b, c }) {
			if (context != null) {
				context.close();
			}
		}
		if (broker != null) {
			broker.destroy();
		}
	}

	@AfterEach
	void haltEverywhere() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b, c }) {
			context.getBean(Chaos.class).halt();
		}
	}

	private static RestClient client(ConfigurableApplicationContext context) {
		return RestClient.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext context, String body) {
		return client(context).post()
			.uri("/actuator/chaos/fleet")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(JSON);
	}

	private static boolean enabled(ConfigurableApplicationContext context) {
		return context.getBean(Chaos.class).state().enabled();
	}

	@Test
	void aFleetChangeIsAppliedOnEveryInstance() {
		ResponseEntity<Map<String, Object>> response = post(b,
				"{\"enabled\":true,\"assaults\":{\"slow-greeter\":{\"target\":{\"kinds\":[\"service\"]},"
						+ "\"latency\":{\"min\":\"10ms\",\"max\":\"10ms\"}}}}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS))
			.containsEntry("refused", Map.of())
			.containsEntry("pending", List.of());
		assertThat(List.of(a, b, c)).allSatisfy((context) -> {
			assertThat(enabled(context)).isTrue();
			assertThat(context.getBean(Chaos.class).state().assaults()).containsKey("slow-greeter");
			assertThat(context.getBean(Chaos.class).state().history())
				.anySatisfy((change) -> assertThat(change.actor()).startsWith("fleet fleet:b"));
		});
	}

	@Test
	void anInstanceWhoseConfigurationForbidsTheChangeRefusesItWhileTheOthersApplyIt() {
		ResponseEntity<Map<String, Object>> response = post(a,
				"{\"enabled\":true,\"assaults\":{\"loud\":{\"target\":{\"kinds\":[\"component\"]},"
						+ "\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS[0], IDS[1]))
			.containsEntry("pending", List.of());
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> refused = (Map<String, Map<String, Object>>) response.getBody().get("refused");
		assertThat(refused).containsOnlyKeys(IDS[2]);
		assertThat(refused.get(IDS[2]).get("field")).asString().contains("kinds");
		assertThat(enabled(a)).isTrue();
		assertThat(enabled(b)).isTrue();
		assertThat(enabled(c)).as("refused all or nothing").isFalse();
	}

	@Test
	void aDestinationAndAnInstanceCountChooseTheInstances() {
		ResponseEntity<Map<String, Object>> one = post(c,
				"{\"enabled\":true,\"seed\":7,\"instances\":1,\"assaults\":{\"x\":{\"target\":{\"kinds\":"
						+ "[\"service\"]},\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(one.getStatusCode().value()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<String> applied = (List<String>) one.getBody().get("applied");
		assertThat(applied).hasSize(1).isSubsetOf(List.of(IDS));
		assertThat(List.of(a, b, c).stream().filter(FleetKafkaTests::enabled)).hasSize(1);
		haltEverywhere();
		ResponseEntity<Map<String, Object>> subset = post(a,
				"{\"enabled\":true,\"destination\":\"fleet:b\",\"assaults\":{\"x\":{\"target\":{\"kinds\":"
						+ "[\"service\"]},\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(subset.getBody()).containsEntry("applied", List.of(IDS[1]));
		assertThat(enabled(a)).isFalse();
		assertThat(enabled(b)).isTrue();
		assertThat(enabled(c)).isFalse();
	}

	@Test
	void aFleetHaltStopsChaosEverywhereAndTheStatesShowIt() {
		post(a, "{\"enabled\":true}");
		assertThat(List.of(a, b, c)).allSatisfy((context) -> assertThat(enabled(context)).isTrue());
		ResponseEntity<Map<String, Object>> halted = client(c).delete()
			.uri("/actuator/chaos/fleet")
			.retrieve()
			.toEntity(JSON);
		assertThat(halted.getBody()).containsEntry("applied", List.of(IDS));
		assertThat(List.of(a, b, c)).allSatisfy((context) -> assertThat(enabled(context)).isFalse());
		Map<String, Object> states = client(b).get().uri("/actuator/chaos/fleet").retrieve().body(JSON);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> instances = (Map<String, Map<String, Object>>) states.get("instances");
		assertThat(instances).containsOnlyKeys(IDS);
		assertThat(instances.values()).allSatisfy((state) -> assertThat(state).containsEntry("enabled", false));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFleetReportHoldsEachInstancesReportAndTheirSum() {
		post(a, "{\"enabled\":true,\"assaults\":{\"loud-greeter\":{\"target\":{\"kinds\":[\"service\"]},"
				+ "\"exception\":{\"message\":\"boom\"}}}}");
		int[] calls = { 1, 2, 3 };
		ConfigurableApplicationContext[] contexts = { a, b, c };
		for (int i = 0; i < contexts.length; i++) {
			for (int call = 0; call < calls[i]; call++) {
				client(contexts[i]).get()
					.uri("/greeting")
					.retrieve()
					.onStatus(HttpStatusCode::isError, (request, response) -> {
					})
					.toBodilessEntity();
			}
		}
		Map<String, Object> fleet = client(b).get().uri("/actuator/chaos/fleet/report").retrieve().body(JSON);
		Map<String, Map<String, Object>> instances = (Map<String, Map<String, Object>>) fleet.get("instances");
		assertThat(instances).containsOnlyKeys(IDS);
		long sum = 0;
		for (int i = 0; i < contexts.length; i++) {
			long local = contexts[i].getBean(Chaos.class).report().injections().total();
			assertThat(local).isEqualTo(calls[i]);
			assertThat(((Map<String, Object>) instances.get(IDS[i]).get("injections")).get("total"))
				.isEqualTo((int) local);
			sum += local;
		}
		long total = sum;
		Map<String, Object> report = (Map<String, Object>) fleet.get("report");
		Map<String, Object> injections = (Map<String, Object>) report.get("injections");
		assertThat(((Number) injections.get("total")).longValue()).isEqualTo(total);
		assertThat(((Number) ((Map<String, Object>) injections.get("byAssault")).get("loud-greeter")).longValue())
			.isEqualTo(total);
		List<Map<String, Object>> unprotected = (List<Map<String, Object>>) report.get("unprotected");
		assertThat(unprotected).singleElement().satisfies((entry) -> {
			assertThat(((Number) entry.get("injectedFailures")).longValue()).isEqualTo(total);
			assertThat(((Number) entry.get("reachedCaller")).longValue()).isEqualTo(total);
		});
	}

	@Test
	void aJourneyHeaderFollowsARequestFromOneInstanceToTheNextAndHitsItsAssault() {
		ResponseEntity<Map<String, Object>> response = post(a,
				"{\"enabled\":true,\"destination\":\"fleet:b\","
						+ "\"assaults\":{\"checkout-down\":{\"target\":{\"http\":{\"paths\":[\"/greeting\"],"
						+ "\"headers\":{\"X-Journey\":\"checkout\"}}},\"error-response\":{\"status\":503}}}}");
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS[1]));
		String toB = "http://localhost:" + b.getEnvironment().getProperty("local.server.port");
		for (String relay : List.of("/relay/rest-client", "/relay/web-client")) {
			assertThat(client(a).get()
				.uri(relay + "?to=" + toB)
				.header("X-Journey", "checkout")
				.retrieve()
				.body(String.class)).as(relay).isEqualTo("status 503");
			assertThat(client(a).get()
				.uri(relay + "?to=" + toB)
				.header("X-Journey", "browse")
				.retrieve()
				.body(String.class)).as(relay).isEqualTo("hello!");
		}
		assertThat(b.getBean(Chaos.class).state().assaults().get("checkout-down").injected()).isEqualTo(2);
		assertThat(enabled(a)).as("chaos is off where the request entered").isFalse();
	}

	@Test
	void badFleetKeysAreRefusedNamingTheFieldAndNothingIsSent() {
		ResponseEntity<Map<String, Object>> response = post(a, "{\"enabled\":true,\"instances\":0}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).containsEntry("field", "instances");
		ResponseEntity<Map<String, Object>> share = post(a, "{\"enabled\":true,\"instances\":\"150%\"}");
		assertThat(share.getStatusCode().value()).isEqualTo(400);
		assertThat(List.of(a, b, c)).allSatisfy((context) -> assertThat(enabled(context)).isFalse());
	}

	@Test
	void theChaosEndpointsOwnSubPathsStillAnswer() {
		assertThat(client(a).get().uri("/actuator/chaos/report").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(client(a).get()
			.uri("/actuator/chaos/nothing")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(404);
	}

}
