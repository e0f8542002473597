package io.github.chaosstarter.report;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;

import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.engine.InjectedFaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link Attribution}: which failures a resilience library saw count as
 * injected.
 */
class AttributionTests {

	private static final String BULKHEAD_FULL = BulkheadFullException.class.getName();

	private static final String TIMEOUT = TimeoutException.class.getName();

	private final Attribution attribution = new Attribution();

	@Test
	void aMarkedExceptionCountsAndSoDoesOneWrappingIt() {
		ChaosException injected = new ChaosException("boom");
		InjectedFaults.mark(injected);
		assertThat(this.attribution.injected(injected)).isTrue();
		assertThat(this.attribution.injected(new IllegalStateException("wrapped", injected))).isTrue();
		assertThat(this.attribution.injected(new ChaosException("boom"))).as("unmarked").isFalse();
		assertThat(this.attribution.injected(null)).isFalse();
	}

	@Test
	void aRefusalCountsOnlyWhileItsOwnBreakerIsOpenBecauseOfInjection() {
		this.attribution.opened("orders", true);
		this.attribution.opened("catalog", false);
		assertThat(this.attribution.injected(refusal("orders"))).isTrue();
		assertThat(this.attribution.injected(refusal("catalog"))).isFalse();
		this.attribution.opened("orders", false);
		assertThat(this.attribution.injected(refusal("orders"))).as("closed again").isFalse();
	}

	@Test
	void anAnnouncedRejectionCountsOnceOnTheSameThread() {
		this.attribution.announce(BULKHEAD_FULL, "depot");
		BulkheadFullException first = full("depot");
		assertThat(this.attribution.injected(first)).isTrue();
		assertThat(this.attribution.injected(new IllegalStateException(first)))
			.as("the same rejection seen again by the layer above (it cannot carry the mark)")
			.isTrue();
		assertThat(this.attribution.injected(full("depot"))).as("the announcement is used up").isFalse();
	}

	@Test
	void anAnnouncedTimeoutIsMarkedForLaterEvents() {
		this.attribution.announce(TIMEOUT, "feed-limiter");
		TimeoutException timeout = new TimeoutException();
		assertThat(this.attribution.injected(timeout)).isTrue();
		assertThat(InjectedFaults.isMarked(timeout)).isTrue();
	}

	@Test
	void anotherBulkheadsRejectionDoesNotTakeTheAnnouncement() {
		this.attribution.announce(BULKHEAD_FULL, "depot");
		assertThat(this.attribution.injected(full("archive"))).isFalse();
	}

	@Test
	void aWithdrawnAnnouncementCountsNothing() {
		this.attribution.announce(TIMEOUT, "feed-limiter");
		this.attribution.withdraw(TIMEOUT);
		assertThat(this.attribution.injected(new TimeoutException())).isFalse();
	}

	@Test
	void anAnnouncementOnAnotherThreadCountsNothing() throws Exception {
		Thread other = new Thread(() -> this.attribution.announce(TIMEOUT, "feed-limiter"));
		other.start();
		other.join();
		assertThat(this.attribution.injected(new TimeoutException())).isFalse();
	}

	@Test
	void aResponseChaosFakedCountsAndARealOneDoesNot() {
		HttpHeaders faked = new HttpHeaders();
		faked.add("X-Chaos-Assault", "busy");
		assertThat(this.attribution.injected(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE,
				"Service Unavailable", faked, new byte[0], null)))
			.isTrue();
		assertThat(this.attribution.injected(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE,
				"Service Unavailable", new HttpHeaders(), new byte[0], null)))
			.isFalse();
	}

	private static CallNotPermittedException refusal(String breaker) {
		return CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults(breaker));
	}

	private static BulkheadFullException full(String bulkhead) {
		return BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults(bulkhead));
	}

}
