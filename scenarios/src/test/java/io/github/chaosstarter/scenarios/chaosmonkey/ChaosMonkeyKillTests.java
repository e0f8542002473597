package io.github.chaosstarter.scenarios.chaosmonkey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ChaosMonkeyApplication;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.RawHttp;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ToolRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill through the Chaos Monkey API with {@code chaos.allow-kill=true}, in an application
 * started in a child JVM (as the kill tests of the {@code chaos} endpoint do), because a
 * kill ends the JVM: LitmusChaos' {@code spring-boot-app-kill} sequence, and Chaos
 * Toolkit's assaults with {@code killApplicationActive} followed by
 * {@code assaults/runtime/attack}. Without {@code chaos.allow-kill} the assault is refused
 * with 400 (see {@link AbstractChaosMonkeyApiTests}).
 */
class ChaosMonkeyKillTests {

	private static final Duration GENEROUS = Duration.ofSeconds(120);

	// litmus-go environment.go spring-boot-app-kill, CM_LEVEL and
	// CM_WATCHED_CUSTOM_SERVICES at their defaults
	private static final String LITMUS_APP_KILL = "{\"level\":1,\"deterministic\":true,\"watchedCustomServices\":"
			+ "[\"\"],\"killApplicationActive\":true,\"killApplicationCronExpression\":\"*/1 * * * * ?\"}";

	@Test
	void litmusAppKillStopsTheApplicationOnceChaosIsEnabled() throws Exception {
		Child child = Child.start();
		try {
			ToolRequests tools = child.awaitUp();
			AbstractChaosMonkeyApiTests.ok(tools.litmusGet());
			AbstractChaosMonkeyApiTests.ok(tools.litmusPost("/watchers", AbstractChaosMonkeyApiTests.LITMUS_WATCHERS_SERVICE));
			AbstractChaosMonkeyApiTests.ok(tools.litmusPost("/assaults", LITMUS_APP_KILL));
			RawHttp.Response attack = AbstractChaosMonkeyApiTests.ok(tools.litmusPost("/assaults/runtime/attack"));
			assertThat(attack.json()).containsEntry("killed", false);
			Thread.sleep(500);
			assertThat(child.process.isAlive()).as("chaos is off: nothing is killed yet\n" + child.output()).isTrue();
			AbstractChaosMonkeyApiTests.ok(tools.litmusPost("/enable"));
			assertThat(child.process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(child.output()).isTrue();
			assertThat(child.process.exitValue()).as(child.output()).isEqualTo(1);
			assertThat(child.output()).contains("Chaos assault 'chaos-monkey' shuts the application down gracefully");
		}
		finally {
			child.destroy();
		}
	}

	@Test
	void chaosToolkitAttackWithKillApplicationActiveStopsTheApplication() throws Exception {
		Child child = Child.start();
		try {
			ToolRequests tools = child.awaitUp();
			AbstractChaosMonkeyApiTests.ok(tools.chaosToolkitPost("enable"));
			AbstractChaosMonkeyApiTests.ok(tools.chaosToolkitPost("assaults",
					"{\"level\": 5, \"latencyRangeStart\": 2000, \"latencyRangeEnd\": 5000, \"latencyActive\": false, "
							+ "\"exceptionsActive\": false, \"killApplicationActive\": true, "
							+ "\"restartApplicationActive\": false}"));
			Thread.sleep(500);
			assertThat(child.process.isAlive()).as("no schedule: only attack kills\n" + child.output()).isTrue();
			RawHttp.Response attack = AbstractChaosMonkeyApiTests.ok(tools.chaosToolkitPost("assaults/runtime/attack"));
			assertThat(attack.json()).containsEntry("killed", true);
			assertThat(child.process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(child.output()).isTrue();
			assertThat(child.process.exitValue()).as(child.output()).isEqualTo(1);
		}
		finally {
			child.destroy();
		}
	}

	private static final class Child {

		final Process process;

		final int port;

		private final StringBuffer output = new StringBuffer();

		private Child(Process process, int port) {
			this.process = process;
			this.port = port;
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						this.output.append(line).append('\n');
					}
				}
				catch (IOException ex) {
					// process ended
				}
			}, "chaos-monkey-kill-output");
			reader.setDaemon(true);
			reader.start();
		}

		static Child start() throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-cp");
			command.add(classPath);
			command.add(ChaosMonkeyApplication.class.getName());
			command.add("--server.port=" + port);
			command.add("--spring.main.web-application-type=servlet");
			command.add("--chaos.allow-kill=true");
			command.add("--chaos.chaos-monkey-api.enabled=true");
			command.add("--management.endpoints.web.exposure.include=chaosmonkey");
			command.add("--management.endpoint.chaosmonkey.access=unrestricted");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new Child(process, port);
		}

		ToolRequests awaitUp() throws InterruptedException {
			long deadline = System.nanoTime() + GENEROUS.toNanos();
			while (System.nanoTime() < deadline) {
				assertThat(this.process.isAlive()).as(output()).isTrue();
				if (this.output.indexOf("CHAOS-MONKEY-APP-STARTED") >= 0) {
					return new ToolRequests(this.port);
				}
				Thread.sleep(200);
			}
			throw new AssertionError("child did not start in time:\n" + output());
		}

		String output() {
			return this.output.toString();
		}

		void destroy() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

}
