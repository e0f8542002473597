package io.github.chaosstarter.kill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.fixtures.web.KillTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Kill assaults, in an application started in a child JVM: graceful lets an in-flight
 * request complete and exits with the configured code; abrupt exits at once with it.
 */
class KillIntegrationTests {

	private static final Duration GENEROUS = Duration.ofSeconds(120);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void gracefulKillAnswersInFlightRequestsAndExitsWithTheConfiguredCode() throws Exception {
		Child child = Child.start("graceful", 42);
		try {
			child.awaitUp(this.client);
			CompletableFuture<HttpResponse<String>> slow = this.client.sendAsync(child.get("/slow"),
					HttpResponse.BodyHandlers.ofString());
			child.awaitOutput("SLOW-STARTED");
			HttpResponse<String> kill = this.client.send(child.get("/kill"), HttpResponse.BodyHandlers.ofString());
			assertThat(kill.statusCode()).isEqualTo(200);
			assertThat(kill.body()).isEqualTo("still answered");
			HttpResponse<String> slowResponse = slow.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
			assertThat(slowResponse.statusCode()).isEqualTo(200);
			assertThat(slowResponse.body()).isEqualTo("slow done");
			assertThat(child.process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(child.output()).isTrue();
			assertThat(child.process.exitValue()).as(child.output()).isEqualTo(42);
		}
		finally {
			child.destroy();
		}
	}

	@Test
	void abruptKillCutsConnectionsAndExitsAtOnceWithTheConfiguredCode() throws Exception {
		Child child = Child.start("abrupt", 43);
		try {
			child.awaitUp(this.client);
			CompletableFuture<HttpResponse<String>> slow = this.client.sendAsync(child.get("/slow"),
					HttpResponse.BodyHandlers.ofString());
			child.awaitOutput("SLOW-STARTED");
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> this.client.send(child.get("/kill"), HttpResponse.BodyHandlers.ofString()));
			assertThat(child.process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(child.output()).isTrue();
			assertThat(child.process.exitValue()).as(child.output()).isEqualTo(43);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> slow.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
				.withCauseInstanceOf(IOException.class);
			assertThat(child.output()).doesNotContain("slow done");
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
			}, "kill-test-output");
			reader.setDaemon(true);
			reader.start();
		}

		static Child start(String mode, int exitCode) throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-cp");
			command.add(classPath);
			command.add(KillTestApplication.class.getName());
			command.add("--server.port=" + port);
			command.add("--spring.main.web-application-type=servlet");
			command.add("--server.shutdown=graceful");
			command.add("--spring.lifecycle.timeout-per-shutdown-phase=30s");
			command.add("--chaos.enabled=true");
			command.add("--chaos.allow-kill=true");
			command.add("--chaos.watch.kinds=service");
			command.add("--chaos.assaults.stop.target.http.paths=/kill");
			command.add("--chaos.assaults.stop.kill.mode=" + mode);
			command.add("--chaos.assaults.stop.kill.exit-code=" + exitCode);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new Child(process, port);
		}

		HttpRequest get(String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).timeout(GENEROUS).build();
		}

		void awaitUp(HttpClient client) throws InterruptedException {
			long deadline = System.nanoTime() + GENEROUS.toNanos();
			while (System.nanoTime() < deadline) {
				assertThat(this.process.isAlive()).as(output()).isTrue();
				try {
					if (client.send(get("/ping"), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not up yet
				}
				Thread.sleep(200);
			}
			throw new AssertionError("child did not start in time:\n" + output());
		}

		void awaitOutput(String text) throws InterruptedException {
			long deadline = System.nanoTime() + GENEROUS.toNanos();
			while (System.nanoTime() < deadline) {
				if (this.output.indexOf(text) >= 0) {
					return;
				}
				Thread.sleep(50);
			}
			throw new AssertionError("child did not print " + text + ":\n" + output());
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
