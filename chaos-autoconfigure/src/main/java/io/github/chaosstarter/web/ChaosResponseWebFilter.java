package io.github.chaosstarter.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.reactivestreams.Publisher;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.ChaosListener;
import io.github.chaosstarter.engine.RequestLedger;

/**
 * WebFlux filter, outside every other filter of the application, that reports each
 * response to the {@link ChaosEngine} when it is committed, whoever writes it (handlers,
 * exception handlers, other filters): its status and time for the guard, the hypothesis'
 * baseline and the report's endpoints and timeline, and, while chaos is on, whether an
 * injected failure reached the caller and a bounded prefix of the body written inside the
 * filter chain, for the report's leak check. A body written by a
 * {@code WebExceptionHandler} (outside the chain) is not read.
 *
 * @author Chaos Starter team
 */
final class ChaosResponseWebFilter implements WebFilter, Ordered, ChaosListener {

	private static final ThreadLocal<@Nullable ServedResponse> current = new ThreadLocal<>();

	private final ChaosEngine engine;

	private final ManagementPaths managementPaths;

	ChaosResponseWebFilter(ChaosEngine engine, ManagementPaths managementPaths) {
		this.engine = engine;
		this.managementPaths = managementPaths;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.engine.recording()) {
			return chain.filter(exchange);
		}
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (this.managementPaths.contains(path)) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		ServerHttpResponse response = exchange.getResponse();
		if (!this.engine.recordingChaos()) {
			return this.engine.recordsBaseline(path)
					? new BaselineResponse(chain.filter(exchange), this.engine, response, path, start)
					: chain.filter(exchange);
		}
		ServedResponse served = new ServedResponse(this.engine, exchange.getRequest().getMethod().name(), path, start);
		Completion completion = new Completion(exchange, served);
		response.beforeCommit(() -> Mono.fromRunnable(completion::committed));
		Mono<Void> handled = chain.filter(exchange.mutate().response(new Capturing(response, served)).build());
		return new Bound(handled, served).doOnError(served::failure)
			.doFinally((signal) -> completion.chainDone())
			.contextWrite(Context.of(RequestLedger.class, served.ledger()));
	}

	/**
	 * An injected failure thrown while a handler runs synchronously on the subscribing
	 * thread belongs to that request: when its response is an error, the failure reached
	 * the caller, even when an exception handler inside the chain answered with a message
	 * of its own.
	 */
	@Override
	public void onInjection(Injection injection) {
		ServedResponse served = current.get();
		if (served != null && injection.failure() != null && !injection.dryRun()) {
			served.failureThrown();
		}
	}

	private static int status(ServerHttpResponse response) {
		HttpStatusCode status = response.getStatusCode();
		return (status != null) ? status.value() : 200;
	}

	/**
	 * Reports the response once it is committed and the chain is done, whichever comes
	 * last: a body written inside the chain is read by then, and a response written by an
	 * exception handler outside the chain is committed after the chain ended. The status
	 * is read when the response is committed: once it is complete, a servlet container
	 * may already have recycled the response (Tomcat's facade then throws).
	 */
	private static final class Completion {

		private final ServerWebExchange exchange;

		private final ServedResponse served;

		private final AtomicInteger steps = new AtomicInteger();

		private volatile int status = 200;

		Completion(ServerWebExchange exchange, ServedResponse served) {
			this.exchange = exchange;
			this.served = served;
		}

		void committed() {
			observe();
			this.status = status(this.exchange.getResponse());
			step();
		}

		void chainDone() {
			step();
		}

		private void step() {
			if (this.steps.incrementAndGet() == 2) {
				try {
					observe();
				}
				catch (RuntimeException ex) {
					// a recycled response: what it showed was observed when it was
					// committed
				}
				this.served.report(this.status);
			}
		}

		private void observe() {
			if (this.exchange
				.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern pattern) {
				this.served.pattern(pattern.getPatternString());
			}
			if (this.exchange.getResponse().getHeaders().getFirst(ChaosProblem.ASSAULT_HEADER) != null) {
				this.served.writtenByStarter();
			}
		}

	}

	/**
	 * Binds the response to the subscribing thread while the handler chain is subscribed.
	 */
	private static final class Bound extends MonoOperator<Void, Void> {

		private final ServedResponse served;

		Bound(Mono<Void> source, ServedResponse served) {
			super(source);
			this.served = served;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			ServedResponse previous = current.get();
			current.set(this.served);
			RequestLedger previousLedger = RequestLedger.bind(this.served.ledger());
			try {
				this.source.subscribe(actual);
			}
			finally {
				RequestLedger.bind(previousLedger);
				if (previous == null) {
					current.remove();
				}
				else {
					current.set(previous);
				}
			}
		}

	}

	/**
	 * Keeps the first characters of the body written inside the filter chain.
	 */
	private static final class Capturing extends ServerHttpResponseDecorator {

		private final ServedResponse served;

		Capturing(ServerHttpResponse delegate, ServedResponse served) {
			super(delegate);
			this.served = served;
		}

		/**
		 * A {@code Mono} body stays a {@code Mono}, so that the response writes it as it
		 * would without the decorator: as one buffer, on Spring's single-value path.
		 */
		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (body instanceof Mono<? extends DataBuffer> single) {
				return super.writeWith(single.doOnNext(this::capture));
			}
			return super.writeWith(Flux.from(body).doOnNext(this::capture));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body).map((part) -> Flux.from(part).doOnNext(this::capture)));
		}

		private void capture(DataBuffer buffer) {
			if (!this.served.bodyFull()) {
				int length = Math.min(buffer.readableByteCount(), ServedResponse.BODY_LIMIT);
				byte[] bytes = new byte[length];
				for (int i = 0; i < length; i++) {
					bytes[i] = buffer.getByte(buffer.readPosition() + i);
				}
				this.served.capture(bytes, 0, length);
			}
		}

	}

}
