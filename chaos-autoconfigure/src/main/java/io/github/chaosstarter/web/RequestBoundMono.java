package io.github.chaosstarter.web;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

import io.github.chaosstarter.engine.RequestFacts;

/**
 * Binds the request view to the subscribing thread while the handler chain is subscribed,
 * so that advised beans called synchronously by the handler can evaluate request
 * conditions. Work that continues on other threads later does not see it.
 *
 * @author Chaos Starter team
 */
final class RequestBoundMono extends MonoOperator<Void, Void> {

	private final RequestFacts request;

	RequestBoundMono(Mono<Void> source, RequestFacts request) {
		super(source);
		this.request = request;
	}

	@Override
	public void subscribe(CoreSubscriber<? super Void> actual) {
		RequestFacts previous = CurrentRequest.set(this.request);
		try {
			this.source.subscribe(actual);
		}
		finally {
			CurrentRequest.set(previous);
		}
	}

}
