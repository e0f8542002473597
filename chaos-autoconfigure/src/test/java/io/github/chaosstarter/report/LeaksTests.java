package io.github.chaosstarter.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a response body reveals.
 */
class LeaksTests {

	@Test
	void aStackTraceRevealsEverything() {
		Leaks.Finding finding = Leaks.scan("""
				{"error":"java.lang.IllegalStateException: Chaos assault 'db': down",
				 "trace":"\\tat com.acme.shop.OrderService.find(OrderService.java:42)"}""");
		assertThat(finding).isNotNull();
		assertThat(finding.labels()).containsExactly(Leaks.EXCEPTION_CLASS_NAME, Leaks.STACK_FRAME,
				Leaks.INJECTED_MESSAGE, Leaks.PACKAGE_NAME);
		assertThat(finding.sample()).startsWith("{\"error\":\"java.lang.IllegalStateException")
			.hasSizeLessThanOrEqualTo(120);
	}

	@Test
	void aSimpleClassNameIsAnExceptionClassName() {
		assertThat(Leaks.scan("failed: TimeoutException after 2s").labels())
			.containsExactly(Leaks.EXCEPTION_CLASS_NAME);
	}

	@Test
	void aGenericMessageRevealsNothing() {
		assertThat(Leaks.scan("{\"error\":\"Service unavailable, try again later\",\"status\":503}")).isNull();
		assertThat(Leaks.scan("{\"title\":\"Internal Server Error\",\"status\":500,\"instance\":\"/api/orders/1\"}"))
			.isNull();
	}

	@Test
	void theSampleIsAroundTheFirstFinding() {
		String body = "x".repeat(500) + " com.acme.internal.Repository " + "y".repeat(500);
		Leaks.Finding finding = Leaks.scan(body);
		assertThat(finding.labels()).containsExactly(Leaks.PACKAGE_NAME);
		assertThat(finding.sample()).contains("com.acme.internal.Repository").hasSizeLessThanOrEqualTo(120);
	}

}
