package io.github.chaosstarter.guard;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.chaosstarter.web.ManagementPaths;

/**
 * WebFlux filter, outside every other filter of the application, that reports the status
 * of each response to the {@link ChaosGuard} when the response is committed, whoever
 * writes it (handlers, exception handlers, other filters).
 *
 * @author Chaos Starter team
 */
public class ChaosGuardWebFilter implements WebFilter, Ordered {

	private final ChaosGuard guard;

	private final ManagementPaths managementPaths;

	ChaosGuardWebFilter(ChaosGuard guard, ManagementPaths managementPaths) {
		this.guard = guard;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.guard.active()
				&& !this.managementPaths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> Mono.fromRunnable(() -> {
				HttpStatusCode status = response.getStatusCode();
				this.guard.record((status != null) ? status.value() : 200);
			}));
		}
		return chain.filter(exchange);
	}

}
