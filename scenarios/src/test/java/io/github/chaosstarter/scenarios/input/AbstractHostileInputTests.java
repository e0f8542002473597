package io.github.chaosstarter.scenarios.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.FieldCase;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.QueryCase;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.RequestCase;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.StandardCase;
import io.github.chaosstarter.scenarios.input.fixture.HostileBodies.ValidBody;
import io.github.chaosstarter.scenarios.input.fixture.HostileHttp;
import io.github.chaosstarter.scenarios.input.fixture.HostileInputApplication.TargetService;
import io.github.chaosstarter.scenarios.input.fixture.StartupCases;
import io.github.chaosstarter.scenarios.input.fixture.StartupCases.BadProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to {@code POST /actuator/chaos} over real HTTP: every generated body (see
 * {@link HostileBodies}) is refused with {@code 400}, a field naming the offending
 * property and a small answer, and changes nothing ({@code GET /actuator/chaos} is the
 * same before and after, history included). Run on Spring MVC and on WebFlux by the
 * subclasses, on each Spring Boot line by the module that compiles this source.
 */
abstract class AbstractHostileInputTests {

	static final String EXPOSE = "management.endpoints.web.exposure.include=chaos,health";

	static final String UNRESTRICTED = "management.endpoint.chaos.access=unrestricted";

	static final String BASELINE_TARGET = "chaos.assaults.baseline.target.methods=neverCalled";

	static final String BASELINE_EFFECT = "chaos.assaults.baseline.latency.min=1ms";

	private static final String CHAOS = "/actuator/chaos";

	/** Largest answer to a refused change: it must never echo unbounded input. */
	private static final int MAX_ANSWER = 10 * 1024;

	private static final Pattern INJECTED = Pattern.compile("Chaos assault '([^']+)': (.*)");

	@LocalServerPort
	int port;

	@Autowired
	TargetService targetService;

	HostileHttp http;

	@BeforeEach
	void halt() {
		this.http = new HostileHttp(this.port);
		assertThat(this.http.delete(CHAOS).status()).isEqualTo(200);
	}

	static Stream<Arguments> fieldCases() {
		return HostileBodies.fieldCases().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> standardCases() {
		return HostileBodies.standardCases().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> queryCases() {
		return HostileBodies.queryCases().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> requestCases() {
		return HostileBodies.requestCases().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> validBodies() {
		return HostileBodies.validBodies().stream().map((c) -> Arguments.of(c.name(), c));
	}

	static Stream<Arguments> startupCases() {
		return StartupCases.invalid().stream().filter((c) -> c.body() != null).map((c) -> Arguments.of(c.name(), c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fieldCases")
	void refusedNamingTheField(String name, FieldCase hostile) {
		String before = state();
		HostileHttp.Response response = this.http.post(CHAOS, hostile.body());
		Map<String, Object> error = assertRefused(response);
		assertThat(error).as(shown(response)).containsEntry("error", "Bad Request");
		String field = (String) error.get("field");
		assertThat(field).as(shown(response)).isIn(hostile.fields());
		String message = (String) error.get("message");
		assertThat(message).as(shown(response)).startsWith(field + ": ");
		for (String fragment : hostile.fragments()) {
			if (fragment.startsWith(HostileBodies.NOT)) {
				assertThat(message).as(shown(response)).doesNotContain(fragment.substring(1));
			}
			else {
				assertThat(message).as(shown(response)).contains(fragment);
			}
		}
		assertUnchanged(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("standardCases")
	void refusedWithTheStandardErrorBody(String name, StandardCase hostile) {
		String before = state();
		HostileHttp.Response response = this.http.send("POST", CHAOS, "application/json", hostile.body(), false);
		Map<String, Object> error = assertRefused(response);
		assertThat(error).as(shown(response)).containsEntry("status", 400).doesNotContainKey("field");
		assertUnchanged(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queryCases")
	void queryParametersOnAWriteAreRefused(String name, QueryCase hostile) {
		String before = state();
		HostileHttp.Response response = this.http.post(CHAOS + "?" + hostile.query(), hostile.body());
		Map<String, Object> error = assertRefused(response);
		assertThat(error).as(shown(response)).containsEntry("field", hostile.field());
		assertThat((String) error.get("message")).startsWith(hostile.field() + ": ");
		assertUnchanged(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestCases")
	void hostileRequestsAreRefused(String name, RequestCase hostile) {
		String before = state();
		HostileHttp.Response response = this.http.send(hostile.method(), hostile.path(), hostile.contentType(),
				hostile.body(), hostile.chunked());
		assertThat(response.status()).as(shown(response)).isBetween(400, 499);
		assertThat(response.body().getBytes(StandardCharsets.UTF_8)).as(shown(response)).hasSizeLessThan(MAX_ANSWER);
		assertUnchanged(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validBodies")
	void theBasesAndTheLimitsAreAccepted(String name, ValidBody valid) {
		HostileHttp.Response response = this.http.post(CHAOS, valid.body());
		assertThat(response.status()).as(shown(response)).isEqualTo(200);
		assertThat(this.http.delete(CHAOS).status()).isEqualTo(200);
	}

	@Test
	void classesOutsideTheApplicationAreRefusedWithoutTellingWhy() {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (String type : HostileBodies.outsideTypes()) {
			HostileHttp.Response response = this.http.post(CHAOS, HostileBodies.typeBody(type));
			Map<String, Object> error = assertRefused(response);
			String message = (String) error.get("message");
			String prefix = "chaos.assaults.x.exception.type: class '";
			assertThat(message).as(shown(response)).startsWith(prefix);
			int end = message.indexOf("' ", prefix.length());
			assertThat(end).as(message).isPositive();
			assertThat(end - prefix.length()).as("the class name is shown abbreviated: " + message)
				.isLessThanOrEqualTo(100);
			reasons.put(HostileBodies.label(type), message.substring(end + 2));
		}
		String absent = reasons.get("com.example.NoSuchException");
		assertThat(absent).contains("is not a usable exception type");
		assertThat(reasons).allSatisfy((type, reason) -> assertThat(reason).as(type).isEqualTo(absent));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("startupCases")
	void aPostedValueFailsAsAtStartup(String name, BadProperties bad) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class))
			.withPropertyValues(bad.properties().toArray(String[]::new))
			.run((context) -> failure.set(context.getStartupFailure()));
		Throwable root = failure.get();
		while (root != null && root.getCause() != null) {
			root = root.getCause();
		}
		assertThat(root).isInstanceOf(InvalidChaosPropertyException.class);
		String before = state();
		HostileHttp.Response response = this.http.post(CHAOS, bad.body());
		Map<String, Object> error = assertRefused(response);
		assertThat(error).as(shown(response))
			.containsEntry("field", ((InvalidChaosPropertyException) root).getProperty())
			.containsEntry("message", root.getMessage());
		assertUnchanged(before);
	}

	static Stream<Arguments> commaSeparatedValues() {
		return Stream.of(
				Arguments.of("kinds", "service,repository", "exception",
						(Function<ChaosProperties.Target, List<String>>) ChaosProperties.Target::getKinds),
				Arguments.of("beans", "targetService,otherService", "exception",
						(Function<ChaosProperties.Target, List<String>>) ChaosProperties.Target::getBeans),
				Arguments.of("http.methods", "GET,POST", "error-response",
						(Function<ChaosProperties.Target, List<String>>) (target) -> target.getHttp().getMethods()),
				Arguments.of("client.hosts", "a.example.com,b.example.com", "exception",
						(Function<ChaosProperties.Target, List<String>>) (target) -> target.getClient().getHosts()));
	}

	/**
	 * A comma-separated value where a list belongs binds as Spring Boot's binder binds it
	 * from {@code application.yml}: as a list, the same at startup and when posted.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("commaSeparatedValues")
	@SuppressWarnings("unchecked")
	void aCommaSeparatedListBindsAsAtStartup(String condition, String value, String effect,
			Function<ChaosProperties.Target, List<String>> read) {
		AtomicReference<List<String>> atStartup = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class))
			.withPropertyValues("chaos.assaults.x.target." + condition + "=" + value,
					effect.equals("exception") ? "chaos.assaults.x.exception.message=m"
							: "chaos.assaults.x.error-response.status=503")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				atStartup.set(read.apply(context.getBean(ChaosProperties.class).getAssaults().get("x").getTarget()));
			});
		assertThat(atStartup.get()).as("bound at startup").hasSize(2);
		String[] path = condition.split("\\.");
		String target = (path.length == 1) ? "{\"" + path[0] + "\": \"" + value + "\"}"
				: "{\"" + path[0] + "\": {\"" + path[1] + "\": \"" + value + "\"}}";
		HostileHttp.Response response = this.http.post(CHAOS,
				"{\"assaults\": {\"x\": {\"target\": " + target + ", \"" + effect + "\": {}}}}");
		assertThat(response.status()).as(shown(response)).isEqualTo(200);
		Map<String, Object> posted = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) response.json()
			.get("assaults")).get("x")).get("target");
		Object bound = (path.length == 1) ? posted.get(path[0])
				: ((Map<String, Object>) posted.get(path[0])).get(path[1]);
		assertThat(bound).as("bound when posted")
			.isEqualTo(atStartup.get()
				.stream()
				.map((element) -> condition.equals("http.methods") ? element.toUpperCase(Locale.ROOT) : element)
				.toList());
	}

	/**
	 * Several threads call the service while valid and invalid changes alternate: every
	 * valid change is applied, every invalid one changes nothing (none of its valid
	 * parts, named {@code poison-*}, ever strikes), and every injected exception belongs
	 * to a state that was posted.
	 */
	@Test
	void validAndInvalidChangesAlternateUnderLoad() throws Exception {
		Map<String, Class<? extends RuntimeException>> posted = new ConcurrentHashMap<>();
		List<RuntimeException> thrown = new CopyOnWriteArrayList<>();
		List<String> answers = new ArrayList<>();
		AtomicBoolean done = new AtomicBoolean();
		ExecutorService workers = Executors.newFixedThreadPool(4);
		List<Future<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(workers.submit(() -> {
				long count = 0;
				while (!done.get()) {
					try {
						this.targetService.call("load");
					}
					catch (RuntimeException ex) {
						thrown.add(ex);
					}
					count++;
				}
				return count;
			}));
		}
		try {
			for (int i = 1; i <= 40; i++) {
				boolean valid = i % 2 == 1;
				String body = valid ? validChange(i, posted) : invalidChange(i);
				HostileHttp.Response response = this.http.post(CHAOS, body);
				answers.add(i + (valid ? " valid: " : " invalid: ") + response.status());
				assertThat(response.status()).as(shown(response)).isEqualTo(valid ? 200 : 400);
				Thread.sleep(5);
			}
		}
		finally {
			done.set(true);
			workers.shutdown();
			assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		for (Future<Long> call : calls) {
			assertThat(call.get()).isPositive();
		}
		assertThat(answers).hasSize(40);
		assertThat(thrown).as("injected exceptions (a positive control)").isNotEmpty();
		for (RuntimeException failure : thrown) {
			Matcher matcher = INJECTED.matcher(String.valueOf(failure.getMessage()));
			assertThat(matcher.matches()).as(failure.toString()).isTrue();
			String assault = matcher.group(1);
			assertThat(posted).as("%s was posted in a valid change", assault).containsKey(assault);
			assertThat(failure).isExactlyInstanceOf(posted.get(assault)).hasMessage(expectedMessage(assault));
		}
		String history = this.http.get(CHAOS).body();
		assertThat(history).doesNotContain("poison");
		assertThat(this.http.delete(CHAOS).status()).isEqualTo(200);
	}

	private static String validChange(int i, Map<String, Class<? extends RuntimeException>> posted) {
		String name = "s" + i;
		Class<? extends RuntimeException> type = (i % 4 == 1) ? IllegalStateException.class
				: IllegalArgumentException.class;
		posted.put(name, type);
		return "{\"enabled\": true, \"assaults\": {\"" + name + "\": " + exceptionAssault(type.getName(), name)
				+ ", \"s" + (i - 2) + "\": null}}";
	}

	private static String invalidChange(int i) {
		String poison = "\"poison-" + i + "\": "
				+ exceptionAssault(UnsupportedOperationException.class.getName(), "poison-" + i);
		String previous = "\"s" + (i - 1) + "\": null";
		return switch (i / 2 % 5) {
			case 0 -> "{\"enabled\": true, \"assaults\": {" + poison + ", " + previous
					+ ", \"bad\": {\"probability\": 1.5, \"exception\": {}}}}";
			case 1 -> "{\"enabled\": true, \"assaults\": {" + poison + ", " + previous + "}, \"gaurd\": {}}";
			case 2 -> "{\"assaults\": {" + poison + ", " + previous
					+ ", \"bad\": {\"exception\": {\"type\": \"java.lang.String\"}}}}";
			case 3 ->
				"{\"enabled\": false, \"duration\": \"P1000000D\", \"assaults\": {" + poison + ", " + previous + "}}";
			default -> "{\"assaults\": {" + poison + ", " + previous + "}, \"allowKill\": true}";
		};
	}

	private static String exceptionAssault(String type, String name) {
		return "{\"target\": {\"beans\": [\"targetService\"]}, \"exception\": {\"type\": \"" + type
				+ "\", \"message\": \"" + name + "-message\"}, \"probability\": 0.7}";
	}

	private static String expectedMessage(String assault) {
		return "Chaos assault '" + assault + "': " + assault + "-message";
	}

	private String state() {
		HostileHttp.Response response = this.http.get(CHAOS);
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private void assertUnchanged(String before) {
		assertThat(state()).as("GET /actuator/chaos after the refused change").isEqualTo(before);
	}

	private static Map<String, Object> assertRefused(HostileHttp.Response response) {
		assertThat(response.status()).as(shown(response)).isEqualTo(400);
		assertThat(response.body().getBytes(StandardCharsets.UTF_8)).as(shown(response)).hasSizeLessThan(MAX_ANSWER);
		return response.json();
	}

	private static String shown(HostileHttp.Response response) {
		String body = response.body();
		return response.status() + " "
				+ ((body.length() > 600) ? body.substring(0, 600) + "...(" + body.length() + " chars)" : body);
	}

}
