package io.github.chaosstarter.web;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * The handler chain of one WebFlux request that arrived while chaos was off and the
 * hypothesis records its baseline: reports the response's status and time to the
 * {@link ChaosEngine} when the chain completes. One object per request, that is both the
 * {@code Mono} the server subscribes to and the subscriber of the chain: no operator, no
 * commit action. Only when the chain ends in an error before the response is committed —
 * an exception handler outside the chain then chooses the status — does it register a
 * commit action to read that status.
 *
 * @author Chaos Starter team
 */
final class BaselineResponse extends Mono<Void> implements CoreSubscriber<Void>, Subscription {

	private static final AtomicIntegerFieldUpdater<BaselineResponse> SUBSCRIBED = AtomicIntegerFieldUpdater
		.newUpdater(BaselineResponse.class, "subscribed");

	private static final AtomicIntegerFieldUpdater<BaselineResponse> REPORTED = AtomicIntegerFieldUpdater
		.newUpdater(BaselineResponse.class, "reported");

	private final Mono<Void> chain;

	private final ChaosEngine engine;

	private final ServerHttpResponse response;

	private final String path;

	private final long start;

	private volatile int subscribed;

	private volatile int reported;

	private @Nullable CoreSubscriber<? super Void> actual;

	private @Nullable Subscription upstream;

	BaselineResponse(Mono<Void> chain, ChaosEngine engine, ServerHttpResponse response, String path, long start) {
		this.chain = chain;
		this.engine = engine;
		this.response = response;
		this.path = path;
		this.start = start;
	}

	@Override
	public void subscribe(CoreSubscriber<? super Void> actual) {
		if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
			// a second subscription serves the request again: it gets a record of its own
			new BaselineResponse(this.chain, this.engine, this.response, this.path, System.nanoTime())
				.subscribe(actual);
			return;
		}
		this.actual = actual;
		this.chain.subscribe(this);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.upstream = subscription;
		actual().onSubscribe(this);
	}

	@Override
	public void onNext(Void value) {
		actual().onNext(value);
	}

	@Override
	public void onError(Throwable failure) {
		if (this.response.isCommitted()) {
			report();
		}
		else {
			this.response.beforeCommit(() -> Mono.fromRunnable(this::report));
		}
		actual().onError(failure);
	}

	/**
	 * The status is read before the completion travels on: once the server sees it, a
	 * servlet container may recycle the response.
	 */
	@Override
	public void onComplete() {
		report();
		actual().onComplete();
	}

	@Override
	public Context currentContext() {
		return actual().currentContext();
	}

	@Override
	public void request(long n) {
		upstream().request(n);
	}

	/**
	 * A request whose caller went away is counted only when its response was committed.
	 */
	@Override
	public void cancel() {
		try {
			if (this.response.isCommitted()) {
				report();
			}
		}
		catch (RuntimeException ex) {
			// a recycled response: nothing to count
		}
		upstream().cancel();
	}

	private void report() {
		if (REPORTED.compareAndSet(this, 0, 1)) {
			HttpStatusCode status = this.response.getStatusCode();
			this.engine.servedBeforeChaos(this.path, (status != null) ? status.value() : 200,
					System.nanoTime() - this.start);
		}
	}

	private CoreSubscriber<? super Void> actual() {
		CoreSubscriber<? super Void> subscriber = this.actual;
		if (subscriber == null) {
			throw new IllegalStateException("Not subscribed");
		}
		return subscriber;
	}

	private Subscription upstream() {
		Subscription subscription = this.upstream;
		if (subscription == null) {
			throw new IllegalStateException("Not subscribed");
		}
		return subscription;
	}

}
