package io.github.chaosstarter.compat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Service;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.test.ChaosExperiment;
import io.github.chaosstarter.test.ChaosExperimentExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ChaosExperiment} on Spring Boot 3.5 (Resilience4j's Boot 3 starter, Jackson 2
 * only): a breaker opened by one test is closed for the next, and each test's report is
 * written as JSON and HTML.
 */
class ChaosExperimentOnBoot3Tests {

	private static final String FIXTURE = "chaos.compat.fixture";

	@Test
	void breakersAreIsolatedAndReportsWrittenWithJackson2(@TempDir Path directory) throws IOException {
		assertThat(ClassLoader.getSystemClassLoader().getResource("tools/jackson/databind/json/JsonMapper.class"))
			.as("Jackson 3 is absent on this class path")
			.isNull();
		EngineTestKit.engine("junit-jupiter")
			.configurationParameter(FIXTURE, "true")
			.configurationParameter(ChaosExperimentExtension.REPORTS_DIRECTORY_PARAMETER, directory.toString())
			.selectors(DiscoverySelectors.selectClass(PaymentsExperiments.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2));
		String prefix = PaymentsExperiments.class.getName() + ".";
		JsonNode opened = new ObjectMapper().readTree(directory.resolve(prefix + "breakerOpens.json").toFile());
		assertThat(opened.at("/injections/byAssault/payments-down").asLong()).isEqualTo(4);
		assertThat(opened.at("/circuitBreakers/0/name").asText()).isEqualTo("payments");
		assertThat(opened.at("/circuitBreakers/0/verdict").asText()).isEqualTo("REACTED");
		assertThat(opened.at("/circuitBreakers/0/transitions/0/to").asText()).isEqualTo("OPEN");
		JsonNode next = new ObjectMapper().readTree(directory.resolve(prefix + "nextTestStartsClosed.json").toFile());
		assertThat(next.at("/injections/total").asLong()).isZero();
		assertThat(directory.resolve(prefix + "breakerOpens.html")).content().startsWith("<!DOCTYPE html>");
	}

	@ExtendWith(OnlyAsFixture.class)
	@SpringBootTest(classes = PaymentsExperiments.Shop.class,
			properties = { "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=4",
					"resilience4j.circuitbreaker.instances.payments.sliding-window-size=4" })
	@ChaosExperiment
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class PaymentsExperiments {

		@Autowired
		Chaos chaos;

		@Autowired
		Payments payments;

		@Autowired
		CircuitBreakerRegistry circuitBreakers;

		@Test
		@Order(1)
		void breakerOpens() {
			this.chaos.assault("payments-down").target((target) -> target.beans("payments")).exception().apply();
			this.chaos.enable();
			for (int i = 0; i < 6; i++) {
				assertThat(this.payments.charge()).isEqualTo("pending");
			}
			assertThat(this.circuitBreakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		}

		@Test
		@Order(2)
		void nextTestStartsClosed() {
			assertThat(this.circuitBreakers.circuitBreaker("payments").getState())
				.isEqualTo(CircuitBreaker.State.CLOSED);
			assertThat(this.chaos.state().enabled()).isFalse();
			assertThat(this.payments.charge()).isEqualTo("charged");
		}

		@SpringBootConfiguration
		@EnableAutoConfiguration
		@Import(Payments.class)
		static class Shop {

		}

		@Service("payments")
		static class Payments {

			@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "payments",
					fallbackMethod = "pending")
			public String charge() {
				return "charged";
			}

			String pending(Throwable failure) {
				return "pending";
			}

		}

	}

	static class OnlyAsFixture implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(FIXTURE).isPresent()
					? ConditionEvaluationResult.enabled("run by ChaosExperimentOnBoot3Tests")
					: ConditionEvaluationResult.disabled("a fixture of ChaosExperimentOnBoot3Tests");
		}

	}

}
