package io.github.chaosstarter.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.RequestLedger;
import io.github.chaosstarter.engine.Strike;

/**
 * Applies client assaults to calls made through {@code WebClient}: an exception effect
 * errors the exchange as a connection failure would ({@link WebClientRequestException}),
 * an unavailable effect as a refused connection, and an error response is returned
 * without sending the request. Latency delays the exchange without blocking, as a slow
 * dependency does (see {@link SlowDependency}): when the client's own response timeout is
 * shorter, the exchange fails as that timeout fails, after it; otherwise the real
 * exchange follows.
 *
 * @author Chaos Starter team
 */
final class ChaosExchangeFilterFunction implements ExchangeFilterFunction {

	private final ObjectProvider<ChaosEngine> engines;

	private volatile @Nullable ChaosEngine engine;

	private final HeaderPropagation propagation;

	ChaosExchangeFilterFunction(ObjectProvider<ChaosEngine> engines, HeaderPropagation propagation) {
		this.engines = engines;
		this.propagation = propagation;
	}

	private ChaosEngine engine() {
		ChaosEngine engine = this.engine;
		if (engine == null) {
			engine = this.engines.getObject();
			this.engine = engine;
		}
		return engine;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest original, ExchangeFunction next) {
		return Mono.deferContextual((context) -> {
			ClientRequest request = propagate(original, context);
			Strike decision = strike(request, context.getOrDefault(RequestLedger.class, null));
			if (decision == null) {
				return next.exchange(request);
			}
			Mono<ClientResponse> outcome = outcome(decision, request, next);
			return (decision.delayNanos() > 0) ? delay(decision, request, next).then(outcome) : outcome;
		});
	}

	/**
	 * Copy the headers named by {@code chaos.propagate-headers} from the inbound request
	 * whose Reactor subscription makes the exchange (written into the context by
	 * {@link ChaosWebFilter}), or else from the request being served on this thread.
	 */
	private ClientRequest propagate(ClientRequest request, ContextView context) {
		if (!this.propagation.enabled()) {
			return request;
		}
		HeaderPropagation.Carried carried = context.getOrDefault(HeaderPropagation.Carried.class, null);
		if (carried == null) {
			carried = this.propagation.carriedByCurrentRequest();
		}
		if (carried == null || !carried.lacksAny(request.headers())) {
			return request;
		}
		return ClientRequest.from(request).headers(carried::addMissing).build();
	}

	/**
	 * Decide for the exchange; a fault it gets is noted for the inbound request whose
	 * Reactor subscription makes it, when that is not the thread's own.
	 */
	private @Nullable Strike strike(ClientRequest request, @Nullable RequestLedger ledger) {
		if (ledger == null || ledger == RequestLedger.current()) {
			return engine().strikeClient(request.method().name(), request.url());
		}
		RequestLedger previous = RequestLedger.bind(ledger);
		try {
			return engine().strikeClient(request.method().name(), request.url());
		}
		finally {
			RequestLedger.bind(previous);
		}
	}

	/**
	 * Wait for the delay the way the client waits for a slow dependency: an exchange
	 * through the rest of the chain with {@link SlowDependency}, so that the client's own
	 * response or read timeout fires, with the client's own exception, when it is shorter
	 * than the delay. A caller's own timeout operator cancels it as it cancels a real
	 * call.
	 */
	private static Mono<Void> delay(Strike decision, ClientRequest request, ExchangeFunction next) {
		long delayNanos = decision.delayNanos();
		URI slow;
		try {
			slow = SlowDependency.uri(delayNanos);
		}
		catch (IOException ex) {
			return Mono.delay(Duration.ofNanos(delayNanos)).doOnCancel(decision::delayCancelled).then();
		}
		ClientRequest held = ClientRequest.create(request.method(), slow).build();
		return next.exchange(held)
			.flatMap(ClientResponse::releaseBody)
			.doOnCancel(decision::delayCancelled)
			.onErrorMap((timeout) -> {
				// the client's error names the request it failed: name the caller's
				Throwable cause = (timeout instanceof WebClientRequestException wrapped && wrapped.getCause() != null)
						? wrapped.getCause() : timeout;
				Throwable failure = (timeout instanceof WebClientRequestException)
						? new WebClientRequestException(cause, request.method(), request.url(), request.headers())
						: timeout;
				decision.delayTimedOut(failure);
				return failure;
			});
	}

	private Mono<ClientResponse> outcome(Strike decision, ClientRequest request, ExchangeFunction next) {
		Throwable failure = decision.failure();
		if (failure != null) {
			Throwable signalled = (failure instanceof WebClientException) ? failure
					: new WebClientRequestException(failure, request.method(), request.url(), request.headers());
			return Mono.error(signalled);
		}
		ChaosProblem problem = ChaosProblem.of(decision);
		if (problem != null) {
			ClientResponse.Builder response = ClientResponse.create(HttpStatusCode.valueOf(problem.status()))
				.header(ChaosProblem.ASSAULT_HEADER, problem.assault())
				.header("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
				.body(problem.json());
			if (problem.retryAfter() != null) {
				response.header(ChaosProblem.RETRY_AFTER_HEADER, problem.retryAfter());
			}
			return Mono.just(response.build());
		}
		return Mono.defer(() -> next.exchange(request));
	}

}
