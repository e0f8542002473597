package io.github.chaosstarter.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * WebFlux filter, outside every other filter of the application, that reports the status
 * of each response to the guard of the {@link ChaosEngine} when the response is
 * committed, whoever writes it (handlers, exception handlers, other filters).
 *
 * @author Chaos Starter team
 */
final class ChaosGuardWebFilter implements WebFilter, Ordered {

	private final ChaosEngine guard;

	private final ManagementPaths managementPaths;

	ChaosGuardWebFilter(ChaosEngine guard, ManagementPaths managementPaths) {
		this.guard = guard;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.guard.guardActive()
				&& !this.managementPaths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> Mono.fromRunnable(() -> {
				HttpStatusCode status = response.getStatusCode();
				this.guard.served((status != null) ? status.value() : 200);
			}));
		}
		return chain.filter(exchange);
	}

}
