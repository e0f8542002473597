// The snippets of docs/getting-started.md and docs/testing.md, verbatim inside the test
// methods: change both together (DocsJavaExamplesTests checks that each is here).
package com.acme.shop;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.ResourceAccessException;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java snippets of the docs, run in the application of
 * {@link CheckoutResilienceTests} (the same properties, so the same cached context).
 */
@SpringBootTest(properties = { "resilience4j.circuitbreaker.instances.payments.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.payments.sliding-window-size=4" })
class ChaosApiExamplesTests {

	@Autowired
	Chaos chaos;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	CheckoutService checkoutService;

	@AfterEach
	void leaveNoChaosBehind() {
		this.chaos.halt();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	/** docs/getting-started.md, "Make it a test". */
	@Test
	void gettingStartedSnippet() {
		this.chaos.assault("payments-down")
			.target((target) -> target.classes("com.acme.shop.PaymentService").methods("charge*"))
			.exception(ResourceAccessException.class, "payments unreachable")
			.apply();
		this.chaos.enable();
		for (int i = 0; i < 10; i++) {
			this.checkoutService.checkout("order-" + i);
		}
		assertThat(this.chaos.report().circuitBreaker("payments").verdict()).isEqualTo(Verdict.REACTED);
	}

	/** docs/testing.md, the assault builder. */
	@Test
	void assaultBuilderSnippet() {
		Chaos chaos = this.chaos;
		chaos.assault("payments-down")
			.target((target) -> target.beans("paymentService").methods("charge*"))
			.exception(IllegalStateException.class, "boom") // or .latency(min, max)
			.probability(0.5)
			.maxInjections(3)
			.apply();
		assertThat(chaos.state().assaults().get("payments-down").definition()).containsEntry("probability", 0.5)
			.containsEntry("maxInjections", 3L);
		assertThat(chaos.state().assaults().get("payments-down").matches()).containsExactly("paymentService");
		assertThat(chaos.state().enabled()).isFalse();
	}

	/** docs/testing.md, a change written as a POST body. */
	@Test
	void changeSnippet() {
		Chaos.State state = this.chaos
			.change(Map.of("enabled", true, "dry-run", true, "assaults", Map.of("slow-payments", Map.of("target",
					Map.of("beans", List.of("paymentService")), "latency", Map.of("min", "10ms", "max", "20ms")))));
		assertThat(state.enabled()).isTrue();
		assertThat(state.dryRun()).isTrue();
		assertThat(state.assaults().get("slow-payments").definition()).containsKey("latency");
	}

	/** docs/testing.md, invalid changes change nothing. */
	@Test
	void invalidChangeSnippet() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> this.chaos.change(Map.of("assaults", Map.of("x", Map.of("probabilty", 0.5)))))
			.withMessageContaining("chaos.assaults.x.probabilty")
			.withMessageContaining("did you mean 'probability'?");
		assertThat(this.chaos.state().assaults()).doesNotContainKey("x");
	}

}
