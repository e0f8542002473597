package io.github.chaosstarter.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.github.chaosstarter.Chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of one service in this JVM, each with its own
 * {@code spring.cloud.bus.id}, joined by Spring Cloud Bus over a real broker (see the
 * subclasses). Instance {@code fleet:c} watches no components, so its own configuration
 * refuses an assault on one. Writes need the user {@value FleetApplication#USER}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class FleetTests {

	static final String[] IDS = { "fleet:a", "fleet:b", "fleet:c" };

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private ConfigurableApplicationContext c;

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/**
	 * Start the broker.
	 * @throws Exception when it cannot be started
	 */
	abstract void startBroker() throws Exception;

	/**
	 * Return the bus properties of one instance.
	 * @param busId its bus id
	 * @return the properties
	 */
	abstract Map<String, String> bus(String busId);

	abstract void stopBroker();

	ConfigurableApplicationContext startInstance(String busId, String... extra) {
		return FleetApplication.start(busId, bus(busId), extra);
	}

	@BeforeAll
	void start() throws Exception {
		startBroker();
		this.a = startInstance(IDS[0]);
		this.b = startInstance(IDS[1]);
		this.c = startInstance(IDS[2], "chaos.watch.kinds=service,rest-controller");
	}

	@AfterAll
	void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.a, this.b, this.c }) {
			if (context != null) {
				context.close();
			}
		}
		stopBroker();
	}

	@AfterEach
	void haltEverywhere() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.a, this.b, this.c }) {
			context.getBean(Chaos.class).halt();
		}
	}

	private static RestClient anonymous(ConfigurableApplicationContext context) {
		return RestClient.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	private static RestClient client(ConfigurableApplicationContext context) {
		return anonymous(context).mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(FleetApplication.USER, FleetApplication.PASSWORD))
			.build();
	}

	private static ResponseEntity<Map<String, Object>> post(ConfigurableApplicationContext context, String body) {
		return post(client(context), body);
	}

	private static ResponseEntity<Map<String, Object>> post(RestClient client, String body) {
		return client.post()
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
	void aFleetChangeIsAppliedOnEveryInstanceAndAuditedWithWhoAskedWhere(CapturedOutput output) {
		ResponseEntity<Map<String, Object>> response = post(this.b,
				"{\"enabled\":true,\"assaults\":{\"slow-greeter\":{\"target\":{\"kinds\":[\"service\"]},"
						+ "\"latency\":{\"min\":\"10ms\",\"max\":\"10ms\"}}}}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS))
			.containsEntry("refused", Map.of())
			.containsEntry("pending", List.of());
		assertThat(output.getOut().split("Chaos changed by 'fleet fleet:b \\(alice\\)'", -1)).as("one audit line each")
			.hasSize(4);
		assertThat(List.of(this.a, this.b, this.c)).allSatisfy((context) -> {
			assertThat(enabled(context)).isTrue();
			assertThat(context.getBean(Chaos.class).state().assaults()).containsKey("slow-greeter");
			assertThat(context.getBean(Chaos.class).state().history())
				.anySatisfy((change) -> assertThat(change.actor()).isEqualTo("fleet fleet:b (alice)"));
		});
	}

	@Test
	void anInstanceWhoseConfigurationForbidsTheChangeRefusesItWhileTheOthersApplyIt() {
		ResponseEntity<Map<String, Object>> response = post(this.a,
				"{\"enabled\":true,\"assaults\":{\"loud\":{\"target\":{\"kinds\":[\"component\"]},"
						+ "\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS[0], IDS[1]))
			.containsEntry("pending", List.of());
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> refused = (Map<String, Map<String, Object>>) response.getBody().get("refused");
		assertThat(refused).containsOnlyKeys(IDS[2]);
		assertThat(refused.get(IDS[2]).get("field")).asString().contains("kinds");
		assertThat(enabled(this.a)).isTrue();
		assertThat(enabled(this.b)).isTrue();
		assertThat(enabled(this.c)).as("refused all or nothing").isFalse();
	}

	@Test
	void aDestinationAndAnInstanceCountChooseTheInstances() {
		ResponseEntity<Map<String, Object>> one = post(this.c,
				"{\"enabled\":true,\"seed\":7,\"instances\":1,\"assaults\":{\"x\":{\"target\":{\"kinds\":"
						+ "[\"service\"]},\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(one.getStatusCode().value()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<String> applied = (List<String>) one.getBody().get("applied");
		assertThat(applied).hasSize(1).isSubsetOf(List.of(IDS));
		assertThat(List.of(this.a, this.b, this.c).stream().filter(FleetTests::enabled)).hasSize(1);
		haltEverywhere();
		ResponseEntity<Map<String, Object>> subset = post(this.a,
				"{\"enabled\":true,\"destination\":\"fleet:b\",\"assaults\":{\"x\":{\"target\":{\"kinds\":"
						+ "[\"service\"]},\"exception\":{\"message\":\"boom\"}}}}");
		assertThat(subset.getBody()).containsEntry("applied", List.of(IDS[1]));
		assertThat(enabled(this.a)).isFalse();
		assertThat(enabled(this.b)).isTrue();
		assertThat(enabled(this.c)).isFalse();
	}

	@Test
	void aFleetHaltStopsChaosEverywhereAndTheStatesShowIt() {
		post(this.a, "{\"enabled\":true}");
		assertThat(List.of(this.a, this.b, this.c)).allSatisfy((context) -> assertThat(enabled(context)).isTrue());
		ResponseEntity<Map<String, Object>> halted = client(this.c).delete()
			.uri("/actuator/chaos/fleet")
			.retrieve()
			.toEntity(JSON);
		assertThat(halted.getBody()).containsEntry("applied", List.of(IDS));
		assertThat(List.of(this.a, this.b, this.c)).allSatisfy((context) -> assertThat(enabled(context)).isFalse());
		Map<String, Object> states = client(this.b).get().uri("/actuator/chaos/fleet").retrieve().body(JSON);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> instances = (Map<String, Map<String, Object>>) states.get("instances");
		assertThat(instances).containsOnlyKeys(IDS);
		assertThat(instances.values()).allSatisfy((state) -> assertThat(state).containsEntry("enabled", false));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFleetReportHoldsEachInstancesReportAndTheirSum() {
		post(this.a, "{\"enabled\":true,\"assaults\":{\"loud-greeter\":{\"target\":{\"kinds\":[\"service\"]},"
				+ "\"exception\":{\"message\":\"boom\"}}}}");
		int[] calls = { 1, 2, 3 };
		ConfigurableApplicationContext[] contexts = { this.a, this.b, this.c };
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
		Map<String, Object> fleet = client(this.b).get().uri("/actuator/chaos/fleet/report").retrieve().body(JSON);
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
		long served = 0;
		for (ConfigurableApplicationContext context : contexts) {
			served += context.getBean(Chaos.class).report().steadyState().during().requests();
		}
		assertThat(((Number) ((Map<String, Object>) ((Map<String, Object>) report.get("steadyState")).get("during"))
			.get("requests")).longValue()).as("requests summed from the instances' figures").isEqualTo(served);
		assertThat((List<Map<String, Object>>) report.get("endpoints"))
			.filteredOn((endpoint) -> "GET /greeting".equals(endpoint.get("endpoint")))
			.singleElement()
			.satisfies((endpoint) -> {
				assertThat(((Number) endpoint.get("requests")).longValue()).isEqualTo(6);
				assertThat(endpoint.get("p99")).as("from the merged histograms").isNotNull();
			});
		long inTimelines = 0;
		for (Map<String, Object> instance : instances.values()) {
			for (Map<String, Object> bucket : (List<Map<String, Object>>) instance.get("timeline")) {
				inTimelines += ((Number) bucket.get("requests")).longValue();
			}
		}
		long combinedTimeline = 0;
		for (Map<String, Object> bucket : (List<Map<String, Object>>) report.get("timeline")) {
			combinedTimeline += ((Number) bucket.get("requests")).longValue();
		}
		assertThat(combinedTimeline).as("the combined timeline holds every instance's requests")
			.isEqualTo(inTimelines)
			.isGreaterThanOrEqualTo(6);
		List<Map<String, Object>> unprotected = (List<Map<String, Object>>) report.get("unprotected");
		assertThat(unprotected).singleElement().satisfies((entry) -> {
			assertThat(((Number) entry.get("injectedFailures")).longValue()).isEqualTo(total);
			assertThat(((Number) entry.get("reachedCaller")).longValue()).isEqualTo(total);
		});
	}

	@Test
	void aJourneyHeaderFollowsARequestFromOneInstanceToTheNextAndHitsItsAssault() {
		// 502, not 503: the RabbitMQ binder brings Apache HttpClient 5, which Boot's
		// RestClient then uses, and which re-sends a request answered 503 once, a second
		// later (its default retry strategy): instance b would count two injections
		// for one call
		ResponseEntity<Map<String, Object>> response = post(this.a,
				"{\"enabled\":true,\"destination\":\"fleet:b\","
						+ "\"assaults\":{\"checkout-down\":{\"target\":{\"http\":{\"paths\":[\"/greeting\"],"
						+ "\"headers\":{\"X-Journey\":\"checkout\"}}},\"error-response\":{\"status\":502}}}}");
		assertThat(response.getBody()).containsEntry("applied", List.of(IDS[1]));
		String toB = "http://localhost:" + this.b.getEnvironment().getProperty("local.server.port");
		for (String relay : List.of("/relay/rest-client", "/relay/web-client")) {
			assertThat(client(this.a).get()
				.uri(relay + "?to=" + toB)
				.header("X-Journey", "checkout")
				.retrieve()
				.body(String.class)).as(relay).isEqualTo("status 502");
			assertThat(client(this.a).get()
				.uri(relay + "?to=" + toB)
				.header("X-Journey", "browse")
				.retrieve()
				.body(String.class)).as(relay).isEqualTo("hello!");
		}
		assertThat(this.b.getBean(Chaos.class).state().assaults().get("checkout-down").injected()).isEqualTo(2);
		assertThat(enabled(this.a)).as("chaos is off where the request entered").isFalse();
	}

	@Test
	void writesNeedTheRoleTheApplicationAsksForAndNothingIsSentWithout() {
		ResponseEntity<Map<String, Object>> response = post(anonymous(this.a), "{\"enabled\":true}");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		ResponseEntity<Map<String, Object>> halt = anonymous(this.a).delete()
			.uri("/actuator/chaos/fleet")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, answer) -> {
			})
			.toEntity(JSON);
		assertThat(halt.getStatusCode().value()).isEqualTo(401);
		assertThat(List.of(this.a, this.b, this.c)).allSatisfy((context) -> assertThat(enabled(context)).isFalse());
	}

	@Test
	void anInstanceThatStartsDuringAFleetExperimentJoinsIt(CapturedOutput output) {
		post(this.b, "{\"enabled\":true,\"assaults\":{\"slow-greeter\":{\"target\":{\"kinds\":[\"service\"]},"
				+ "\"latency\":{\"min\":\"10ms\",\"max\":\"10ms\"}}}}");
		try (ConfigurableApplicationContext d = startInstance("fleet:d")) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(output.getOut())
					.contains("fleet:d joined the fleet experiment posted on fleet:b by alice"));
			assertThat(enabled(d)).isTrue();
			assertThat(d.getBean(Chaos.class).state().assaults()).containsKey("slow-greeter");
			assertThat(d.getBean(Chaos.class).state().history())
				.anySatisfy((change) -> assertThat(change.actor()).isEqualTo("fleet fleet:b (alice)"));
		}
	}

	@Test
	void anExperimentChangedOnEachInstanceSinceIsNoLongerTheFleetsToJoin(CapturedOutput output) {
		post(this.a, "{\"enabled\":true,\"dryRun\":true}");
		for (ConfigurableApplicationContext context : List.of(this.a, this.b, this.c)) {
			context.getBean(Chaos.class).change(Map.of("dryRun", false));
		}
		try (ConfigurableApplicationContext d = startInstance("fleet:d")) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(output.getOut())
					.contains("No fleet experiment is running on the bus: fleet:d starts without one"));
			assertThat(enabled(d)).isFalse();
		}
	}

	@Test
	void anInstanceThatStartsDuringAnExperimentOnChosenInstancesStaysOutAndSaysWhy(CapturedOutput output) {
		post(this.a, "{\"enabled\":true,\"instances\":1,\"seed\":3}");
		try (ConfigurableApplicationContext d = startInstance("fleet:d")) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(output.getOut()).contains("fleet:d did not join the fleet experiment",
						"it chose its instances ('instances': 1) when it was posted"));
			assertThat(enabled(d)).isFalse();
		}
	}

	@Test
	void anInstanceWhoseEndpointTakesNoWritesRefusesTheFleetsAndDoesNotJoin(CapturedOutput output) {
		post(this.c, "{\"enabled\":true}");
		try (ConfigurableApplicationContext e = startInstance("fleet:e",
				"management.endpoint.chaos.access=read-only")) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(output.getOut()).contains("fleet:e did not join the fleet experiment",
						"management.endpoint.chaos.access: this instance's chaos endpoint takes no writes"));
			assertThat(enabled(e)).isFalse();
			ResponseEntity<Map<String, Object>> response = post(this.a, "{\"enabled\":true,\"dryRun\":true}");
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> refused = (Map<String, Map<String, Object>>) response.getBody()
				.get("refused");
			assertThat(refused).containsOnlyKeys("fleet:e");
			assertThat(refused.get("fleet:e")).containsEntry("field", "management.endpoint.chaos.access");
			assertThat(response.getBody()).containsEntry("applied", List.of(IDS));
			assertThat(enabled(e)).isFalse();
			assertThat(post(e, "{\"enabled\":true}").getStatusCode().is4xxClientError())
				.as("its own fleet write is not mapped either")
				.isTrue();
			assertThat(enabled(e)).isFalse();
		}
	}

	@Test
	void badFleetKeysAreRefusedNamingTheFieldAndNothingIsSent() {
		ResponseEntity<Map<String, Object>> response = post(this.a, "{\"enabled\":true,\"instances\":0}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).containsEntry("field", "instances");
		ResponseEntity<Map<String, Object>> share = post(this.a, "{\"enabled\":true,\"instances\":\"150%\"}");
		assertThat(share.getStatusCode().value()).isEqualTo(400);
		assertThat(List.of(this.a, this.b, this.c)).allSatisfy((context) -> assertThat(enabled(context)).isFalse());
	}

	@Test
	void theChaosEndpointsOwnSubPathsStillAnswer() {
		assertThat(client(this.a).get()
			.uri("/actuator/chaos/report")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(client(this.a).get()
			.uri("/actuator/chaos/nothing")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(404);
	}

}
