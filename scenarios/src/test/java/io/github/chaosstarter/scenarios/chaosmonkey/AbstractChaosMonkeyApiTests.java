package io.github.chaosstarter.scenarios.chaosmonkey;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ChaosMonkeyApplication.OrderService;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ChaosMonkeyApplication.StockService;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.RawHttp;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ToolRequests;
import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The {@code chaosmonkey} endpoint driven as Chaos Toolkit and LitmusChaos drive Chaos
 * Monkey for Spring Boot: each tool's request sequence replayed byte for byte (see
 * {@link ToolRequests} for where each request is taken from), and after each step the
 * chaos state ({@code GET /actuator/chaos}) and the behaviour of the attacked services
 * checked. Run on Spring MVC and WebFlux by the subclasses, on each Boot line by the module
 * that compiles this source.
 */
@TestPropertySource(properties = { "chaos.chaos-monkey-api.enabled=true",
		"management.endpoints.web.exposure.include=chaos,chaosmonkey", "management.endpoint.chaos.access=unrestricted",
		"management.endpoint.chaosmonkey.access=unrestricted" })
abstract class AbstractChaosMonkeyApiTests {

	static final String ORDER_SERVICE = OrderService.class.getName();

	// litmus-go types.go ChaosMonkeyWatchers with CM_WATCHERS=service
	static final String LITMUS_WATCHERS_SERVICE = "{\"controller\":false,\"restController\":false,\"service\":true,"
			+ "\"repository\":false,\"component\":false,\"restTemplate\":false,\"webClient\":false}";

	// litmus-go environment.go spring-boot-exceptions, CM_EXCEPTIONS_TYPE and
	// CM_EXCEPTIONS_ARGUMENTS and CM_WATCHED_CUSTOM_SERVICES left at their "" defaults
	static final String LITMUS_EXCEPTIONS = "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":[\"\"],"
			+ "\"exceptionsActive\":true,\"exceptions\":{\"type\":\"\",\"arguments\":[{\"className\":\"\",\"value\":\"\"}]}}";

	// litmus-go types.go ChaosMonkeyAssaultRevert
	static final String LITMUS_REVERT = "{\"latencyActive\":false,\"killApplicationActive\":false,"
			+ "\"memoryActive\":false,\"cpuActive\":false,\"exceptionsActive\":false}";

	@LocalServerPort
	int port;

	@Autowired
	OrderService orderService;

	@Autowired
	StockService stockService;

	ToolRequests tools;

	Http http;

	@BeforeEach
	void reset() {
		this.tools = new ToolRequests(this.port);
		this.http = new Http(this.port);
		ok(this.tools.litmusPost("/watchers", "{\"controller\":true,\"restController\":true,\"service\":true,"
				+ "\"repository\":true,\"component\":false}"));
		ok(this.tools.litmusPost("/assaults", "{\"level\":1,\"deterministic\":false,\"latencyRangeStart\":1000,"
				+ "\"latencyRangeEnd\":3000,\"watchedCustomServices\":[],\"exception\":{\"type\":\"\"}," + LITMUS_REVERT
					.substring(1)));
		assertThat(this.http.delete("/actuator/chaos").status()).isEqualTo(200);
	}

	@Test
	void chaosToolkitExperimentSwitchesExceptionsAndLatencyOnAndOff() {
		// probes.py chaosmonkey_enabled: 503 means disabled
		RawHttp.Response status = this.tools.chaosToolkitGet("status?timeout=3");
		assertThat(status.status()).isEqualTo(503);
		assertThat(chaos()).containsEntry("enabled", false);
		// actions.py enable_chaosmonkey, with a timeout
		ok(this.tools.chaosToolkitPost("enable?timeout=3"));
		assertThat(chaos()).containsEntry("enabled", true);
		assertThat(assaults()).doesNotContainKey("chaos-monkey");
		assertThat(this.orderService.find("1")).isEqualTo("order 1");
		// actions.py change_assaults_configuration
		ok(this.tools.chaosToolkitPost("assaults",
				"{\"level\": 1, \"latencyActive\": false, \"exceptionsActive\": true, \"exception\": "
						+ "{\"type\": \"java.lang.IllegalStateException\", \"arguments\": "
						+ "[{\"className\": \"java.lang.String\", \"value\": \"monkey\"}]}}"));
		assertThat(assault()).containsEntry("exception",
				Map.of("type", "java.lang.IllegalStateException", "message", "monkey"))
			.containsEntry("probability", 1.0)
			.containsEntry("target", Map.of("kinds", List.of("controller", "rest-controller", "service", "repository")));
		assertThatIllegalStateException().isThrownBy(() -> this.orderService.find("1"))
			.withMessage("Chaos assault 'chaos-monkey': monkey");
		// probes.py assaults_configuration, watcher_configuration, chaosmonkey_enabled
		RawHttp.Response assaults = ok(this.tools.chaosToolkitGet("assaults"));
		assertThat(assaults.json()).containsEntry("exceptionsActive", true).containsEntry("level", 1);
		RawHttp.Response watcher = ok(this.tools.chaosToolkitGet("watcher"));
		assertThat(watcher.json()).containsEntry("service", true).containsEntry("component", false);
		assertThat(this.tools.chaosToolkitGet("status").status()).isEqualTo(200);
		// latency instead of exceptions
		ok(this.tools.chaosToolkitPost("assaults", "{\"level\": 1, \"latencyRangeStart\": 300, "
				+ "\"latencyRangeEnd\": 300, \"latencyActive\": true, \"exceptionsActive\": false}"));
		assertThat(assault()).containsEntry("latency", Map.of("min", "300ms", "max", "300ms"))
			.doesNotContainKey("exception");
		assertThat(millis(() -> this.orderService.find("1"))).isGreaterThanOrEqualTo(250);
		// actions.py disable_chaosmonkey
		ok(this.tools.chaosToolkitPost("disable?timeout=3"));
		assertThat(this.tools.chaosToolkitGet("status").status()).isEqualTo(503);
		assertThat(chaos()).containsEntry("enabled", false);
		assertThat(millis(() -> this.orderService.find("1"))).isLessThan(250);
	}

	@Test
	void chaosToolkitReleaseThatSentVerifyAsAQueryParameterIsAccepted() {
		// chaosspring/api.py at df47b470: params = {"verify": verify}
		ok(this.tools.chaosToolkitPost("enable?verify=True&timeout=3"));
		assertThat(this.tools.chaosToolkitGet("status?verify=True").status()).isEqualTo(200);
	}

	@Test
	void litmusExceptionFaultAttacksTheWatchedServiceUntilReverted() {
		ok(this.tools.litmusGet());
		ok(this.tools.litmusPost("/watchers", LITMUS_WATCHERS_SERVICE));
		assertThat(assaults()).doesNotContainKey("chaos-monkey");
		ok(this.tools.litmusPost("/assaults", LITMUS_EXCEPTIONS));
		assertThat(assault()).containsEntry("target", Map.of("kinds", List.of("service")))
			.containsEntry("exception",
					Map.of("type", "java.lang.RuntimeException", "message", "Chaos Monkey - RuntimeException"));
		assertThat(chaos()).containsEntry("enabled", false);
		assertThat(this.orderService.find("1")).as("chaos is still off").isEqualTo("order 1");
		ok(this.tools.litmusPost("/assaults/runtime/attack"));
		assertThat(this.orderService.find("1")).as("no runtime assault is active").isEqualTo("order 1");
		ok(this.tools.litmusPost("/enable"));
		assertThat(chaos()).containsEntry("enabled", true);
		assertThatRuntimeException().isThrownBy(() -> this.orderService.find("1"))
			.withMessage("Chaos assault 'chaos-monkey': Chaos Monkey - RuntimeException");
		assertThatRuntimeException().isThrownBy(() -> this.stockService.count("x"));
		// revert
		ok(this.tools.litmusPost("/assaults", LITMUS_REVERT));
		assertThat(assaults()).doesNotContainKey("chaos-monkey");
		assertThat(this.orderService.find("1")).isEqualTo("order 1");
		ok(this.tools.litmusPost("/disable"));
		assertThat(chaos()).containsEntry("enabled", false);
	}

	@Test
	void litmusLatencyFaultOnOneCustomServiceSlowsOnlyThatService() {
		ok(this.tools.litmusGet());
		ok(this.tools.litmusPost("/watchers", LITMUS_WATCHERS_SERVICE));
		// spring-boot-latency with LATENCY=300, CM_WATCHED_CUSTOM_SERVICES=<OrderService>
		ok(this.tools.litmusPost("/assaults", "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":[\""
				+ ORDER_SERVICE + "\"],\"latencyRangeStart\":300,\"latencyRangeEnd\":300,\"latencyActive\":true}"));
		assertThat(assault()).containsEntry("latency", Map.of("min", "300ms", "max", "300ms"));
		ok(this.tools.litmusPost("/assaults/runtime/attack"));
		ok(this.tools.litmusPost("/enable"));
		assertThat(millis(() -> this.orderService.find("1"))).isGreaterThanOrEqualTo(250);
		long stock = millis(() -> this.stockService.count("x"));
		long order = millis(() -> this.orderService.place("1"));
		assertThat(stock).isLessThan(order);
		assertThat(order).isGreaterThanOrEqualTo(250);
		ok(this.tools.litmusPost("/assaults", LITMUS_REVERT));
		ok(this.tools.litmusPost("/disable"));
		assertThat(millis(() -> this.orderService.find("1"))).isLessThan(250);
	}

	@Test
	void litmusMethodPrefixSelectsTheMethodsOfOneClass() {
		ok(this.tools.litmusPost("/watchers", LITMUS_WATCHERS_SERVICE));
		ok(this.tools.litmusPost("/assaults", "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":[\""
				+ ORDER_SERVICE + ".fi\"],\"exceptionsActive\":true,\"exceptions\":{\"type\":\"\",\"arguments\":[]}}"));
		ok(this.tools.litmusPost("/enable"));
		assertThatRuntimeException().isThrownBy(() -> this.orderService.find("1"));
		assertThat(this.orderService.place("1")).isEqualTo("placed 1");
		assertThat(this.stockService.count("x")).isEqualTo(3);
	}

	@Test
	void litmusWithoutWatchersAttacksNothing() {
		// CM_WATCHERS left empty: every watcher false
		ok(this.tools.litmusPost("/watchers", "{\"controller\":false,\"restController\":false,\"service\":false,"
				+ "\"repository\":false,\"component\":false,\"restTemplate\":false,\"webClient\":false}"));
		ok(this.tools.litmusPost("/assaults", LITMUS_EXCEPTIONS));
		ok(this.tools.litmusPost("/enable"));
		assertThat(chaos()).containsEntry("enabled", true);
		assertThat(assaults()).doesNotContainKey("chaos-monkey");
		assertThat(this.orderService.find("1")).isEqualTo("order 1");
	}

	@Test
	void litmusAllFaultsBodyWithOnlyLatencyOnIsAccepted() {
		// spring-boot-faults: AllAssault with CM_LATENCY_ACTIVE=true, LATENCY=300
		ok(this.tools.litmusPost("/watchers", LITMUS_WATCHERS_SERVICE));
		ok(this.tools.litmusPost("/assaults", "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":[\"\"],"
				+ "\"cpuActive\":false,\"cpuMillisecondsHoldLoad\":30000,\"cpuLoadTargetFraction\":0.9,"
				+ "\"cpuCronExpression\":\"*/1 * * * * ?\",\"memoryActive\":false,"
				+ "\"memoryMillisecondsHoldFilledMemory\":30000,\"memoryMillisecondsWaitNextIncrease\":1000,"
				+ "\"memoryFillIncrementFraction\":1,\"memoryFillTargetFraction\":0.7,"
				+ "\"memoryCronExpression\":\"*/1 * * * * ?\",\"latencyRangeStart\":300,\"latencyRangeEnd\":300,"
				+ "\"latencyActive\":true,\"killApplicationActive\":false,"
				+ "\"killApplicationCronExpression\":\"*/1 * * * * ?\",\"exceptionsActive\":false,"
				+ "\"exceptions\":{\"type\":\"\",\"arguments\":[{\"className\":\"\",\"value\":\"\"}]}}"));
		ok(this.tools.litmusPost("/enable"));
		assertThat(assault()).containsEntry("latency", Map.of("min", "300ms", "max", "300ms"));
		assertThat(millis(() -> this.orderService.find("1"))).isGreaterThanOrEqualTo(250);
	}

	@Test
	void litmusExceptionsAfterAChaosToolkitLatencyExperimentReplaceTheLatency() {
		// Chaos Toolkit's rollback only disables: latencyActive stays true, and Litmus
		// sends only exceptionsActive
		ok(this.tools.chaosToolkitPost("assaults", "{\"level\": 1, \"latencyRangeStart\": 300, "
				+ "\"latencyRangeEnd\": 300, \"latencyActive\": true, \"exceptionsActive\": false}"));
		ok(this.tools.chaosToolkitPost("disable"));
		ok(this.tools.litmusPost("/watchers", LITMUS_WATCHERS_SERVICE));
		ok(this.tools.litmusPost("/assaults", LITMUS_EXCEPTIONS));
		assertThat(assault()).containsKey("exception").doesNotContainKey("latency");
		assertThat(ok(this.tools.chaosToolkitGet("assaults")).json()).containsEntry("latencyActive", false)
			.containsEntry("exceptionsActive", true);
		ok(this.tools.litmusPost("/enable"));
		assertThatRuntimeException().isThrownBy(() -> this.orderService.find("1"));
	}

	@Test
	void levelIsTheInverseOfTheProbability() {
		ok(this.tools.chaosToolkitPost("assaults", "{\"level\": 4, \"exceptionsActive\": true}"));
		assertThat(assault()).containsEntry("probability", 0.25);
	}

	@Test
	void haltThroughTheChaosEndpointShowsTheEffectsOff() {
		ok(this.tools.chaosToolkitPost("assaults", "{\"exceptionsActive\": true}"));
		assertThat(ok(this.tools.chaosToolkitGet("assaults")).json()).containsEntry("exceptionsActive", true);
		assertThat(this.http.delete("/actuator/chaos").status()).isEqualTo(200);
		assertThat(ok(this.tools.chaosToolkitGet("assaults")).json()).containsEntry("exceptionsActive", false);
	}

	@Test
	void settingsAreShownAtTheRoot() {
		Map<String, Object> settings = ok(this.tools.litmusGet()).json();
		assertThat(settings).containsKeys("chaosMonkeyProperties", "assaultProperties", "watcherProperties");
	}

	static Stream<Arguments> refusedBodies() {
		return Stream.of(Arguments.of("/assaults", "{\"level\":0}", "level"),
				Arguments.of("/assaults", "{\"level\":\"often\"}", "level"),
				Arguments.of("/assaults", "{\"latencyRangeStart\":5000,\"latencyRangeEnd\":1000}", "latencyRangeEnd"),
				Arguments.of("/assaults", "{\"latencyActive\":true,\"exceptionsActive\":true}", "exceptionsActive"),
				Arguments.of("/assaults", "{\"memoryActive\":true}", "memoryActive"),
				Arguments.of("/assaults", "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":[\"\"],"
						+ "\"cpuActive\":true,\"cpuMillisecondsHoldLoad\":30000,\"cpuLoadTargetFraction\":0.9,"
						+ "\"cpuCronExpression\":\"*/1 * * * * ?\"}", "cpuActive"),
				// chaostoolkit-spring README's configure_assaults example
				Arguments.of("/assaults", "{\"level\": 5, \"latencyRangeStart\": 2000, \"latencyRangeEnd\": 5000, "
						+ "\"latencyActive\": false, \"exceptionsActive\": false, \"killApplicationActive\": true, "
						+ "\"restartApplicationActive\": false}", "killApplicationActive"),
				Arguments.of("/assaults", "{\"exceptionsActive\":true,\"exception\":{\"type\":\"java.lang.String\"}}",
						"exception.type"),
				Arguments.of("/assaults", "{\"lattencyActive\":true}", "lattencyActive"),
				Arguments.of("/assaults", "{\"exception\":{\"type\":\"java.lang.Integer\",\"method\":\"valueOf\"}}",
						"exception.method"),
				Arguments.of("/assaults", "{\"exceptions\":{\"type\":\"\",\"arguments\":[{\"className\":"
						+ "\"java.lang.Integer\",\"value\":\"1\"}]}}", "exceptions.arguments[0].className"),
				Arguments.of("/assaults", "{\"watchedCustomServices\":\"com.acme\"}", "watchedCustomServices"),
				Arguments.of("/assaults", "{\"exceptionsActive\":true,\"watchedCustomServices\":[\"com.acme\","
						+ "\"com.acme.OrderService.find\"]}", "watchedCustomServices"),
				Arguments.of("/watchers", "{\"component\":true}", "component"),
				Arguments.of("/watchers", "{\"restTemplate\":true}", "restTemplate"),
				Arguments.of("/watchers", "{\"services\":true}", "services"),
				Arguments.of("/watchers", "{\"beans\":[\"orderService\"]}", "beans"),
				Arguments.of("/assaults?foo=1", "{\"exceptionsActive\":true}", "query parameter 'foo'"),
				Arguments.of("/enable", "{\"now\":true}", "now"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("refusedBodies")
	void badInputIsRefusedNamingTheFieldAndChangesNothing(String path, String body, String field) {
		ok(this.tools.litmusPost("/assaults", LITMUS_EXCEPTIONS));
		Map<String, Object> before = chaos();
		Map<String, Object> settingsBefore = ok(this.tools.litmusGet()).json();
		RawHttp.Response response = this.tools.litmusPost(path, body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json()).containsEntry("field", field);
		if (field.equals("killApplicationActive")) {
			assertThat((String) response.json().get("message")).contains("chaos.allow-kill=true");
		}
		if (field.equals("component")) {
			assertThat((String) response.json().get("message")).contains("chaos.watch.kinds");
		}
		assertThat(chaos().get("assaults")).isEqualTo(before.get("assaults"));
		assertThat(chaos().get("enabled")).isEqualTo(before.get("enabled"));
		assertThat(ok(this.tools.litmusGet()).json()).isEqualTo(settingsBefore);
	}

	@Test
	void postOfAssaultsWithoutABodyIsRefused() {
		RawHttp.Response response = this.tools.litmusPost("/assaults");
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json()).containsEntry("field", "body");
	}

	@Test
	void unknownPathsAreNotFound() {
		assertThat(this.tools.litmusPost("/explode").status()).isEqualTo(404);
		assertThat(this.tools.chaosToolkitGet("nothing").status()).isEqualTo(404);
	}

	private Map<String, Object> chaos() {
		Http.Response response = this.http.get("/actuator/chaos");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> assaults() {
		return (Map<String, Object>) chaos().get("assaults");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> assault() {
		Map<String, Object> assaults = assaults();
		assertThat(assaults).containsKey("chaos-monkey");
		return (Map<String, Object>) assaults.get("chaos-monkey");
	}

	static RawHttp.Response ok(RawHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static long millis(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

}
