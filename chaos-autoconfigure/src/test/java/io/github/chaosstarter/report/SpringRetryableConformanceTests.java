package io.github.chaosstarter.report;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.retry.MethodRetryEvent;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.fixtures.retry.SpringRetryConfiguration;
import io.github.chaosstarter.fixtures.retry.SpringRetryConfiguration.SpringRetryService;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.scenarios.report.fixture.ReportShopApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The conformance scenario of Spring Framework 7 {@code @Retryable} (Spring Boot 4 only):
 * the report's retry counts checked against the {@link MethodRetryEvent}s Spring
 * publishes, read by a listener of the test's own. Spring publishes one event per failed
 * execution, the first one included, and one more, marked aborted, when it gives up: a
 * call that recovers has as many retries as failed executions, a call that is exhausted
 * one fewer (its last failure is not retried).
 */
@SpringBootTest(classes = { ReportShopApplication.class, SpringRetryConfiguration.class,
		SpringRetryableConformanceTests.Events.class })
class SpringRetryableConformanceTests {

	private static final String METHOD = "SpringRetryService.fetch";

	@Autowired
	Chaos chaos;

	@Autowired
	SpringRetryService service;

	@Autowired
	MethodRetryEvents events;

	@BeforeEach
	void startClean() {
		this.chaos.halt();
		this.events.clear();
	}

	@AfterEach
	void haltChaos() {
		this.chaos.halt();
	}

	/**
	 * {@code fetch} ({@code maxRetries = 2}) fails once by injection, then succeeds.
	 * Expected: one MethodRetryEvent, not aborted; retryAttempts = the not aborted events
	 * (1), exhausted 0, REACTED.
	 */
	@Test
	void retryableThatRecoversCountsTheRetriesSpringMade() {
		this.chaos.assault("fetch-flaky")
			.target((target) -> target.classes(SpringRetryService.class.getName()).methods("fetch"))
			.exception()
			.maxInjections(1)
			.apply();
		this.chaos.enable();
		assertThat(this.service.fetch()).isEqualTo("fetched");
		assertThat(this.chaos.state().assaults().get("fetch-flaky").injected()).isEqualTo(1);
		assertThat(this.events.notAborted()).hasSize(1)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ChaosException.class));
		assertThat(this.events.aborted()).isEmpty();
		RetryReport retry = this.chaos.report().retry(METHOD);
		assertThat(retry).isNotNull();
		assertThat(retry.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(retry.retryAttempts()).isEqualTo(this.events.notAborted().size());
		assertThat(retry.exhausted()).isZero();
	}

	/**
	 * {@code fetch} ({@code maxRetries = 2}) fails by injection at all 3 executions.
	 * Expected: 3 MethodRetryEvents not aborted and 1 aborted; retryAttempts = not
	 * aborted minus aborted (2, the retries Spring made), exhausted = aborted (1),
	 * REACTED.
	 */
	@Test
	void retryableThatGivesUpCountsTheRetriesSpringMade() {
		this.chaos.assault("fetch-down")
			.target((target) -> target.classes(SpringRetryService.class.getName()).methods("fetch"))
			.exception()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(this.service::fetch);
		assertThat(this.chaos.state().assaults().get("fetch-down").injected()).isEqualTo(3);
		assertThat(this.events.notAborted()).hasSize(3)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ChaosException.class));
		assertThat(this.events.aborted()).hasSize(1);
		RetryReport retry = this.chaos.report().retry(METHOD);
		assertThat(retry).isNotNull();
		assertThat(retry.verdict()).isEqualTo(Verdict.REACTED);
		assertThat(retry.retryAttempts()).isEqualTo(this.events.notAborted().size() - this.events.aborted().size());
		assertThat(retry.exhausted()).isEqualTo(this.events.aborted().size());
		assertThat(retry.recovered()).isZero();
		assertThat(this.chaos.report().unprotected()).as("a method guarded by @Retryable is protected").isEmpty();
	}

	/**
	 * {@code fetch} ({@code maxRetries = 2}) fails by injection twice, then runs for
	 * real: the injected faults ran inside Spring's retry, which recovered the call.
	 */
	@Test
	void retryableRetriesInjectedFailuresUntilTheInjectionsRunOut() {
		this.chaos.assault("fetch-flaky")
			.target((target) -> target.classes(SpringRetryService.class.getName()).methods("fetch"))
			.exception()
			.maxInjections(2)
			.apply();
		this.chaos.enable();
		int before = this.service.calls().get();
		assertThat(this.service.fetch()).isEqualTo("fetched");
		assertThat(this.service.calls()).as("the real method ran once").hasValue(before + 1);
		assertThat(this.chaos.state().assaults().get("fetch-flaky").injected()).isEqualTo(2);
		assertThat(this.events.notAborted()).hasSize(2);
	}

	/**
	 * Registers the test's own listener of Spring's retry events.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Events {

		@Bean
		MethodRetryEvents methodRetryEvents() {
			return new MethodRetryEvents();
		}

	}

	/**
	 * The {@link MethodRetryEvent}s of {@code fetch}, split into failed executions and
	 * aborts.
	 */
	static class MethodRetryEvents implements ApplicationListener<MethodRetryEvent> {

		private final List<Throwable> notAborted = new CopyOnWriteArrayList<>();

		private final List<Throwable> aborted = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(MethodRetryEvent event) {
			if (event.getMethod().getName().equals("fetch")) {
				(event.isRetryAborted() ? this.aborted : this.notAborted).add(event.getFailure());
			}
		}

		List<Throwable> notAborted() {
			return List.copyOf(this.notAborted);
		}

		List<Throwable> aborted() {
			return List.copyOf(this.aborted);
		}

		void clear() {
			this.notAborted.clear();
			this.aborted.clear();
		}

	}

}
