package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux exchange as request conditions see it, with the principal resolved in advance
 * (the exchange only offers it as a {@code Mono}).
 *
 * @author Chaos Starter team
 */
final class ExchangeRequestView implements RequestView {

	private final ServerWebExchange exchange;

	private final @Nullable String principal;

	private final boolean filterPass;

	private final boolean management;

	ExchangeRequestView(ServerWebExchange exchange, @Nullable String principal, boolean filterPass,
			boolean management) {
		this.exchange = exchange;
		this.principal = principal;
		this.filterPass = filterPass;
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
	public boolean filterPass() {
		return this.filterPass;
	}

	@Override
	public boolean management() {
		return this.management;
	}

}
