package io.github.chaosstarter.scenarios.html;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.scenarios.fixture.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code GET /actuator/chaos/report} over real HTTP after real traffic and a real
 * assault: a browser gets one self-contained HTML page, every other client keeps JSON.
 * Run once on Spring MVC and once on WebFlux, on Spring Boot 4.0 (chaos-autoconfigure)
 * and 3.5 (compat-boot3).
 */
abstract class AbstractChaosReportHtmlTests {

	static final String MIN_CALLS = "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=5";

	static final String WINDOW = "resilience4j.circuitbreaker.instances.payments.sliding-window-size=5";

	static final String OPEN = "resilience4j.circuitbreaker.instances.payments.wait-duration-in-open-state=1h";

	static final String HYPOTHESIS = "chaos.hypothesis.max-error-rate=0.05";

	static final String MIN_REQUESTS = "chaos.hypothesis.min-requests=5";

	/** What Chromium and Firefox send when they navigate to a page. */
	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	static final String V3 = "application/vnd.spring-boot.actuator.v3+json";

	static final String HTML = "text/html;charset=UTF-8";

	private static final String ATTACK = """
			{"enabled": true, "assaults": {
			  "payments-down": {"target": {"beans": ["paymentService"]},
			    "exception": {"message": "payments <b>down</b> & \\"out\\""}},
			  "stock-down": {"target": {"beans": ["stockRepository"]},
			    "exception": {"message": "<script>alert('stock')</script>"}}}}""";

	private static final Pattern REMOTE = Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//",
			Pattern.CASE_INSENSITIVE);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void runAnExperiment() {
		Http http = new Http(this.port);
		assertThat(http.delete("/actuator/chaos").status()).isEqualTo(200);
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		assertThat(http.delete("/actuator/chaos/report").status()).isEqualTo(200);
		traffic("baseline");
		assertThat(http.post("/actuator/chaos", ATTACK).status()).isEqualTo(200);
		traffic("during");
	}

	private void traffic(String phase) {
		// Http opens a connection of its own per request: on WebFlux, a request kept alive
		// after an injected 500 is now and then not answered until the client gives up
		Http http = new Http(this.port);
		for (int i = 0; i < 8; i++) {
			assertThat(http.get("/api/orders/" + phase + i).status()).isEqualTo(200);
			http.get("/api/stock/" + phase + i);
		}
	}

	@Test
	void browserGetsTheHtmlPage() {
		Http.Response page = report(BROWSER);
		assertThat(page.status()).isEqualTo(200);
		assertThat(contentType(page)).isEqualToIgnoringCase(HTML);
		assertThat(page.body()).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
		assertThat(contentType(report("text/html"))).isEqualToIgnoringCase(HTML);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(nullValues = "none",
			value = { "*/*, " + V3, "none, " + V3, V3 + ", " + V3,
					"application/vnd.spring-boot.actuator.v2+json, application/vnd.spring-boot.actuator.v2+json",
					"application/json, application/json", "'application/json, */*;q=0.5', application/json" })
	void otherClientsKeepJson(String accept, String contentType) {
		Http.Response report = report(accept);
		assertThat(report.status()).isEqualTo(200);
		assertThat(contentType(report)).startsWith(contentType);
		assertThat(report.json()).containsKeys("since", "injections", "steadyState", "circuitBreakers");
	}

	@Test
	void pageIsSelfContainedAndEscapesWhatItShows() {
		String page = report(BROWSER).body();
		assertThat(page).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<link")
			.doesNotContainIgnoringCase("@import")
			.doesNotContain("url(")
			.doesNotContain("<b>down</b>");
		assertThat(REMOTE.matcher(page).find()).as("a remote src or href").isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void pageShowsTheVerdictsAndTheirReasons() {
		Map<String, Object> json = report(V3).json();
		String page = report(BROWSER).body();
		Map<String, Object> steadyState = (Map<String, Object>) json.get("steadyState");
		assertThat(page).contains("Experiment verdict", (String) steadyState.get("verdict"),
				escape((String) steadyState.get("reason")));
		List<Map<String, Object>> breakers = (List<Map<String, Object>>) json.get("circuitBreakers");
		assertThat(breakers).anySatisfy(
				(breaker) -> assertThat(breaker).containsEntry("name", "payments").containsEntry("verdict", "REACTED"));
		for (Map<String, Object> breaker : breakers) {
			assertThat(page).contains(escape((String) breaker.get("name")), (String) breaker.get("verdict"));
			if (breaker.get("reason") != null) {
				assertThat(page).contains(escape((String) breaker.get("reason")));
			}
		}
		assertThat(page).contains("StockRepository.find", "UNPROTECTED", "<svg", "Timeline");
	}

	@Test
	void unknownPartIsNotFoundForABrowserToo() {
		assertThat(get("/actuator/chaos/elsewhere", BROWSER).status()).isEqualTo(404);
	}

	@Test
	void chromiumRendersThePage(@TempDir Path temp) throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM),
				"chromium not installed: " + CHROMIUM + " is missing (apt-get install -y chromium)");
		String url = "http://localhost:" + this.port + "/actuator/chaos/report";
		String verdict = (String) ((Map<?, ?>) report(V3).json().get("steadyState")).get("verdict");
		String dom = chromium(temp, "dom", "--dump-dom", url);
		assertThat(dom).contains("Experiment verdict", verdict, "<svg").doesNotContain("\"since\"");
		Path screenshot = temp.resolve("report.png");
		chromium(temp, "screenshot", "--screenshot=" + screenshot, "--window-size=1200,1600", url);
		byte[] png = Files.readAllBytes(screenshot);
		assertThat(png).hasSizeGreaterThan(1000).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		Path kept = Path.of("target", "chaos-report-" + getClass().getSimpleName() + ".png");
		Files.createDirectories(kept.getParent());
		Files.copy(screenshot, kept, StandardCopyOption.REPLACE_EXISTING);
	}

	private String chromium(Path temp, String name, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(temp, "profile-")));
		command.addAll(List.of(arguments));
		Path out = temp.resolve(name + ".out");
		Path err = temp.resolve(name + ".err");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("chromium did not finish within 90s: " + Files.readString(err));
		}
		assertThat(process.exitValue()).as("chromium exit code, stderr: %s", Files.readString(err)).isZero();
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	private Http.Response report(String accept) {
		return get("/actuator/chaos/report", accept);
	}

	/**
	 * A {@code GET} with the given {@code Accept} header.
	 * @param path the path
	 * @param accept the header's value, {@code null} to send none
	 * @return the response
	 */
	private Http.Response get(String path, String accept) {
		Http http = new Http(this.port);
		return (accept != null) ? http.get(path, "Accept", accept) : http.get(path);
	}

	private static String contentType(Http.Response response) {
		return response.header("Content-Type").orElse("");
	}

	private static String escape(String text) {
		return String.valueOf(text)
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
