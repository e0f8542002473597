package io.github.chaosstarter.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.test.EngineFixtures.Fixture;
import io.github.chaosstarter.test.fixtures.PaymentService;
import io.github.chaosstarter.test.fixtures.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a class, each test's report is written as JSON and HTML under
 * {@code target/chaos-reports/}, named after the class and the test.
 */
class ChaosExperimentReportFilesTests {

	private static final String PREFIX = PaymentsExperiments.class.getName() + ".";

	@Test
	void eachTestsReportIsWrittenAsJsonAndHtmlAfterTheClass() throws IOException {
		Path directory = Path.of(ChaosExperimentExtension.DEFAULT_REPORTS_DIRECTORY);
		for (String file : List.of("paymentsBreakerOpens.json", "paymentsBreakerOpens.html", "nothingInjected.json",
				"nothingInjected.html", "repeated.json", "repeated-2.json")) {
			Files.deleteIfExists(directory.resolve(PREFIX + file));
		}
		EngineFixtures.run(Map.of(), PaymentsExperiments.class)
			.testEvents()
			.assertStatistics((stats) -> stats.started(4).succeeded(4));
		JsonNode opened = new JsonMapper().readTree(directory.resolve(PREFIX + "paymentsBreakerOpens.json").toFile());
		assertThat(opened.get("since").isString()).isTrue();
		assertThat(opened.at("/injections/byAssault/payments-down").asLong()).isEqualTo(4);
		assertThat(opened.at("/circuitBreakers/0/name").asString()).isEqualTo("payments");
		assertThat(opened.at("/circuitBreakers/0/verdict").asString()).isEqualTo("REACTED");
		assertThat(opened.at("/circuitBreakers/0/transitions/0/to").asString()).isEqualTo("OPEN");
		assertThat(Files.readString(directory.resolve(PREFIX + "paymentsBreakerOpens.html")))
			.startsWith("<!DOCTYPE html>")
			.contains("payments", "REACTED");
		JsonNode nothing = new JsonMapper().readTree(directory.resolve(PREFIX + "nothingInjected.json").toFile());
		assertThat(nothing.at("/injections/total").asLong()).isZero();
		assertThat(nothing.at("/circuitBreakers/0/verdict").asString()).isEqualTo("NOT_EXERCISED");
		assertThat(directory.resolve(PREFIX + "nothingInjected.html")).exists();
		assertThat(directory.resolve(PREFIX + "repeated.json")).exists();
		assertThat(directory.resolve(PREFIX + "repeated-2.json")).exists();
	}

	@Test
	void theDirectoryIsAJUnitConfigurationParameter(@TempDir Path directory) {
		EngineFixtures
			.run(Map.of(ChaosExperimentExtension.REPORTS_DIRECTORY_PARAMETER, directory.toString()),
					PaymentsExperiments.class)
			.testEvents()
			.assertStatistics((stats) -> stats.started(4).succeeded(4));
		assertThat(directory.resolve(PREFIX + "paymentsBreakerOpens.json")).exists();
		assertThat(directory.resolve(PREFIX + "nothingInjected.html")).exists();
	}

	@Fixture
	@SpringBootTest(classes = ShopApplication.class,
			properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
	@ChaosExperiment
	static class PaymentsExperiments {

		@Autowired
		Chaos chaos;

		@Autowired
		PaymentService paymentService;

		@Autowired
		CircuitBreakerRegistry circuitBreakers;

		@Test
		void paymentsBreakerOpens() {
			this.chaos.assault("payments-down").target((t) -> t.beans("paymentService")).exception().apply();
			this.chaos.enable();
			for (int i = 0; i < 8; i++) {
				this.paymentService.charge("order-" + i);
			}
			assertThat(this.circuitBreakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		}

		@Test
		void nothingInjected() {
			this.paymentService.charge("order-1");
		}

		@RepeatedTest(2)
		void repeated() {
			assertThat(this.chaos.report().injections().total()).isZero();
		}

	}

}
