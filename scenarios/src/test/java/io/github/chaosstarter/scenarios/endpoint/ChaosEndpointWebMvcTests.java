package io.github.chaosstarter.scenarios.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.engine.ChaosListener.Injection;
import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;
import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication.RecordingInjectionListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code chaos} endpoint on Spring MVC, and atomic swaps under load.
 */
@SpringBootTest(classes = EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", AbstractChaosEndpointHttpTests.EXPOSE,
				AbstractChaosEndpointHttpTests.UNRESTRICTED, AbstractChaosEndpointHttpTests.BASELINE_TARGET,
				AbstractChaosEndpointHttpTests.BASELINE_EFFECT })
class ChaosEndpointWebMvcTests extends AbstractChaosEndpointHttpTests {

	private static final Pattern INJECTED = Pattern.compile("Chaos assault '([^']+)': (.*)");

	@Autowired
	RecordingInjectionListener injections;

	@Test
	void everyInjectedFaultBelongsToAPostedState() throws Exception {
		this.injections.injections().clear();
		Map<String, Posted> posted = new ConcurrentHashMap<>();
		List<RuntimeException> failures = new CopyOnWriteArrayList<>();
		AtomicBoolean done = new AtomicBoolean();
		ExecutorService workers = Executors.newFixedThreadPool(4);
		List<Future<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(workers.submit(() -> {
				long count = 0;
				while (!done.get()) {
					try {
						this.greetingService.greet("load");
					}
					catch (IllegalStateException | IllegalArgumentException ex) {
						failures.add(ex);
					}
					count++;
				}
				return count;
			}));
		}
		try {
			for (int i = 1; i <= 40; i++) {
				Posted state = new Posted("s" + i,
						(i % 2 == 0) ? IllegalStateException.class : IllegalArgumentException.class, "state-" + i);
				posted.put(state.name(), state);
				String body = "{\"enabled\": true, \"assaults\": {\"" + state.name() + "\": {\"target\": {\"beans\": "
						+ "[\"greetingService\"]}, \"exception\": {\"type\": \"" + state.type().getName()
						+ "\", \"message\": \"" + state.message() + "\"}, \"probability\": 0.7}, \"s" + (i - 1)
						+ "\": null}}";
				assertThat(this.http.post("/actuator/chaos", body).status()).isEqualTo(200);
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
		assertThat(this.injections.injections()).isNotEmpty();
		for (Injection injection : this.injections.injections()) {
			Posted state = posted.get(injection.assault());
			assertThat(state).as("assault %s was posted", injection.assault()).isNotNull();
			assertThat(injection.failure()).isInstanceOf(state.type());
			assertThat(injection.failure().getMessage()).isEqualTo(state.expectedMessage());
		}
		assertThat(failures).hasSameSizeAs(this.injections.injections());
		for (RuntimeException failure : failures) {
			Matcher matcher = INJECTED.matcher(failure.getMessage());
			assertThat(matcher.matches()).as(failure.getMessage()).isTrue();
			Posted state = posted.get(matcher.group(1));
			assertThat(state).isNotNull();
			assertThat(failure).isInstanceOf(state.type()).hasMessage(state.expectedMessage());
		}
	}

	record Posted(String name, Class<? extends RuntimeException> type, String message) {

		String expectedMessage() {
			return "Chaos assault '" + this.name + "': " + this.message;
		}

	}

}
