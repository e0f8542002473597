package io.github.chaosstarter.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.Strike;

/**
 * WebFlux filter that binds the request to the handler chain for the request conditions
 * of bean assaults, applies request-only assaults to matching requests (non-blocking),
 * and turns an error-response assault that reaches it into its response. Runs after
 * Spring Security's filter chain so that the authenticated user is known. Never touches
 * the actuator endpoints. While chaos is off it costs one volatile read.
 *
 * @author Chaos Starter team
 */
final class ChaosWebFilter implements WebFilter, Ordered {

	/** Order of the filter: after Spring Security's filter chain (-100). */
	static final int ORDER = -50;

	private final ChaosEngine engine;

	private final ManagementPaths managementPaths;

	private final HeaderPropagation propagation;

	ChaosWebFilter(ChaosEngine engine, ManagementPaths managementPaths, HeaderPropagation propagation) {
		this.engine = engine;
		this.managementPaths = managementPaths;
		this.propagation = propagation;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.propagation.enabled()) {
			HeaderPropagation.Carried carried = this.propagation.carried(exchange.getRequest().getHeaders());
			if (carried != null) {
				// the outbound calls of this request's chain carry them on, on any thread
				return attackOrPass(exchange, chain).contextWrite(Context.of(HeaderPropagation.Carried.class, carried));
			}
		}
		return attackOrPass(exchange, chain);
	}

	private Mono<Void> attackOrPass(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.engine.enabled()) {
			return chain.filter(exchange);
		}
		if (!this.engine.requestConditions()) {
			return guarded(exchange, chain);
		}
		if (this.managementPaths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			// the actuator endpoints (the off switch among them) are never attacked
			return new RequestBoundMono(Mono.defer(() -> chain.filter(exchange)),
					new ExchangeRequestView(exchange, null, true));
		}
		if (this.engine.needsPrincipal()) {
			return exchange.getPrincipal()
				.map(Principal::getName)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((principal) -> attack(exchange, chain, principal.orElse(null)));
		}
		return attack(exchange, chain, null);
	}

	private Mono<Void> guarded(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume((ex) -> ChaosProblem.find(ex) != null && !exchange.getResponse().isCommitted(),
					(ex) -> write(ChaosProblem.of(find(ex)), exchange.getResponse()));
	}

	private Mono<Void> attack(ServerWebExchange exchange, WebFilterChain chain, @Nullable String principal) {
		ExchangeRequestView request = new ExchangeRequestView(exchange, principal, false);
		Mono<Void> proceed = new RequestBoundMono(Mono.defer(() -> guarded(exchange, chain)), request);
		Strike strike = this.engine.strikeRequest(request);
		if (strike == null) {
			return proceed;
		}
		Mono<Void> effect = effect(strike, exchange, proceed);
		return (strike.delayNanos() > 0)
				? Mono.delay(Duration.ofNanos(strike.delayNanos())).doOnCancel(strike::delayCancelled).then(effect)
				: effect;
	}

	private Mono<Void> effect(Strike strike, ServerWebExchange exchange, Mono<Void> proceed) {
		Throwable failure = strike.failure();
		if (failure != null) {
			return Mono.error(failure);
		}
		ChaosProblem problem = ChaosProblem.of(strike);
		if (problem != null) {
			return Mono.defer(() -> write(problem, exchange.getResponse()));
		}
		if (strike.kills()) {
			return Mono.fromRunnable(strike::kill).then(proceed);
		}
		return proceed;
	}

	private static ChaosErrorResponseException find(Throwable ex) {
		ChaosErrorResponseException chaos = ChaosProblem.find(ex);
		if (chaos == null) {
			throw new IllegalStateException("No error-response assault in " + ex.getClass().getName());
		}
		return chaos;
	}

	static Mono<Void> write(ChaosProblem problem, ServerHttpResponse response) {
		response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
		if (problem.retryAfter() != null) {
			response.getHeaders().set(ChaosProblem.RETRY_AFTER_HEADER, problem.retryAfter());
		}
		response.getHeaders().set(ChaosProblem.ASSAULT_HEADER, problem.assault());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = problem.body();
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
