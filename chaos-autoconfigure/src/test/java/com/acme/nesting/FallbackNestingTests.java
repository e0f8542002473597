package com.acme.nesting;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guarded call inside another on the same thread: each fallback's outcome is watched
 * apart (the starter reuses one watcher per thread for blocking calls, and the inner call
 * must not take the outer one's). Ground truth: the fallback methods count their own
 * invocations, and every primary failure was injected by construction.
 */
@SpringBootTest(classes = FallbackNestingTests.App.class, properties = { "chaos.enabled=true",
		"chaos.assaults.inner-down.target.methods=reserve", "chaos.assaults.inner-down.exception.message=inner down",
		"chaos.assaults.audit-down.target.methods=audit", "chaos.assaults.audit-down.exception.message=audit down",
		"resilience4j.circuitbreaker.instances.outer.minimum-number-of-calls=1000",
		"resilience4j.circuitbreaker.instances.inner.minimum-number-of-calls=1000" })
class FallbackNestingTests {

	@Autowired
	Chaos chaos;

	@Autowired
	Outer outer;

	@Autowired
	Inner inner;

	@Test
	void anInnerGuardedCallsFallbackIsCountedApartFromTheOuterOnes() {
		this.chaos.resetReport();
		for (int i = 0; i < 7; i++) {
			assertThat(this.outer.order("o" + i)).isEqualTo("order o" + i + " later");
		}
		// a blocking call after the nested ones, on the same thread
		assertThat(this.inner.reserve("alone")).isEqualTo("reserve alone later");
		ResilienceReport report = this.chaos.report();
		assertThat(this.inner.fallbacks()).isEqualTo(8);
		assertThat(this.outer.fallbacks()).isEqualTo(7);
		assertThat(report.fallback("Inner.reserve").invocations()).isEqualTo(this.inner.fallbacks());
		assertThat(report.fallback("Outer.order").invocations()).isEqualTo(this.outer.fallbacks());
		assertThat(report.injections().byAssault()).containsEntry("inner-down", 8L).containsEntry("audit-down", 7L);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Outer.class, Inner.class, Audit.class })
	static class App {

	}

	@Service
	static class Outer {

		private final AtomicInteger fallbacks = new AtomicInteger();

		// read through the proxy: a field of the proxy is not the bean's
		public int fallbacks() {
			return this.fallbacks.get();
		}

		private final Inner inner;

		private final Audit audit;

		Outer(Inner inner, Audit audit) {
			this.inner = inner;
			this.audit = audit;
		}

		@CircuitBreaker(name = "outer", fallbackMethod = "orderLater")
		public String order(String id) {
			// the inner call falls back, then the unguarded audit fails the outer call
			this.inner.reserve(id);
			this.audit.audit(id);
			return "order " + id;
		}

		String orderLater(String id, Throwable failure) {
			this.fallbacks.incrementAndGet();
			return "order " + id + " later";
		}

	}

	@Service
	static class Inner {

		private final AtomicInteger fallbacks = new AtomicInteger();

		// read through the proxy: a field of the proxy is not the bean's
		public int fallbacks() {
			return this.fallbacks.get();
		}

		@CircuitBreaker(name = "inner", fallbackMethod = "reserveLater")
		public String reserve(String id) {
			return "reserve " + id;
		}

		String reserveLater(String id, Throwable failure) {
			this.fallbacks.incrementAndGet();
			return "reserve " + id + " later";
		}

	}

	@Service
	static class Audit {

		public void audit(String id) {
		}

	}

}
