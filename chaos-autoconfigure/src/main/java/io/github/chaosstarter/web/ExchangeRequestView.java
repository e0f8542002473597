package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

import io.github.chaosstarter.engine.RequestFacts;

/**
 * A WebFlux exchange as request conditions see it, with the principal resolved in advance
 * (the exchange only offers it as a {@code Mono}).
 *
 * @author Chaos Starter team
 */
final class ExchangeRequestView implements RequestFacts {

	private final ServerWebExchange exchange;

	private final @Nullable String principal;

	private final boolean management;

	ExchangeRequestView(ServerWebExchange exchange, @Nullable String principal, boolean management) {
		this.exchange = exchange;
		this.principal = principal;
		this.management = management;
	}

	@Override
	public String method() {
		return this.exchange.getRequest().getMethod().name();
	}

	@Override
	public String path() {
		return this.exchange.getRequest().getPath().pathWithinApplication().value();
	}

	@Override
	public @Nullable String header(String name) {
		return this.exchange.getRequest().getHeaders().getFirst(name);
	}

	@Override
	public @Nullable String principal() {
		return this.principal;
	}

	@Override
	public boolean management() {
		return this.management;
	}

}
