package io.github.chaosstarter.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.Strike;

/**
 * WebFlux filter that binds the request to the handler chain for request conditions,
 * applies request-only assaults to matching requests (non-blocking), and turns an
 * error-response assault that reaches it into its response. Runs after Spring Security's
 * filter chain so that the authenticated user is known. While chaos is off it costs one
 * volatile read.
 *
 * @author Chaos Starter team
 */
public class ChaosWebFilter implements WebFilter, Ordered {

	/** Order of the filter: after Spring Security's filter chain (-100). */
	public static final int ORDER = -50;

	private final RequestChaos chaos;

	private final ManagementPaths managementPaths;

	ChaosWebFilter(RequestChaos chaos, ManagementPaths managementPaths) {
		this.chaos = chaos;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ChaosState state = this.chaos.holder().current();
		if (!state.enabled()) {
			return chain.filter(exchange);
		}
		if (this.managementPaths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			// the actuator endpoints (the off switch among them) are never attacked
			return new RequestBoundMono(Mono.defer(() -> chain.filter(exchange)),
					new ExchangeRequestView(exchange, null, false, true));
		}
		if (needsPrincipal(state)) {
			return exchange.getPrincipal()
				.map(Principal::getName)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((principal) -> attack(state, exchange, chain, principal.orElse(null)));
		}
		return attack(state, exchange, chain, null);
	}

	private static boolean needsPrincipal(ChaosState state) {
		for (Assault assault : state.beanAssaults()) {
			if (!assault.spec().target().principals().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private Mono<Void> attack(ChaosState state, ServerWebExchange exchange, WebFilterChain chain,
			@Nullable String principal) {
		Mono<Void> proceed = new RequestBoundMono(Mono.defer(() -> chain.filter(exchange)),
				new ExchangeRequestView(exchange, principal, false, false))
			.onErrorResume((ex) -> ChaosProblem.find(ex) != null && !exchange.getResponse().isCommitted(),
					(ex) -> write(ChaosProblem.of(find(ex)), exchange.getResponse()));
		if (!state.requestOnlyChaos()) {
			return proceed;
		}
		Strike decision = this.chaos.decide(state, new ExchangeRequestView(exchange, principal, true, false));
		if (decision == null) {
			return proceed;
		}
		Mono<Void> effect = effect(decision, exchange, proceed);
		return (decision.delayNanos() > 0) ? Mono.delay(Duration.ofNanos(decision.delayNanos())).then(effect) : effect;
	}

	private Mono<Void> effect(Strike decision, ServerWebExchange exchange, Mono<Void> proceed) {
		Throwable failure = decision.failure();
		if (failure != null) {
			return Mono.error(failure);
		}
		ChaosProblem problem = ChaosProblem.of(decision);
		if (problem != null) {
			return Mono.defer(() -> write(problem, exchange.getResponse()));
		}
		KillSpec kill = decision.kill();
		Assault terminal = decision.terminal();
		if (kill != null && terminal != null) {
			return Mono.fromRunnable(() -> this.chaos.kill(terminal, kill)).then(proceed);
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
