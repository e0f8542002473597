package io.github.chaosstarter.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.Strike;

/**
 * Applies client assaults to calls made through {@code RestClient} and
 * {@code RestTemplate}: an exception effect is thrown as from the connection (an
 * {@link IOException} surfaces as the client's usual {@code ResourceAccessException}), an
 * unavailable effect as a refused connection, and an error response is returned without
 * sending the request. Latency is waited for as for a slow dependency, through the client
 * itself (see {@link SlowDependency}): the real call is made and its response held back
 * until the delay has passed, and when the client's own timeout is shorter the call fails
 * as that timeout fails, after it. Before deciding, it copies the headers named by
 * {@code chaos.propagate-headers} from the request being served (see
 * {@link HeaderPropagation}).
 *
 * @author Chaos Starter team
 */
final class ChaosClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final ObjectProvider<ChaosEngine> engines;

	private volatile @Nullable ChaosEngine engine;

	private final HeaderPropagation propagation;

	ChaosClientHttpRequestInterceptor(ObjectProvider<ChaosEngine> engines, HeaderPropagation propagation) {
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
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.propagation.enabled()) {
			HeaderPropagation.Carried carried = this.propagation.carriedByCurrentRequest();
			if (carried != null) {
				carried.addMissing(request.getHeaders());
			}
		}
		Strike decision = engine().strikeClient(request.getMethod().name(), request.getURI());
		if (decision == null) {
			return execution.execute(request, body);
		}
		Throwable failure = decision.failure();
		ChaosProblem problem = (failure == null) ? ChaosProblem.of(decision) : null;
		// without a failure, the real call is made and its response held back for the
		// delay
		ClientHttpResponse response = (failure == null && problem == null) ? execution.execute(request, body) : null;
		if (decision.delayNanos() > 0) {
			try {
				delay(decision.delayNanos(), request, execution);
			}
			catch (IOException | RuntimeException timeout) {
				discard(response);
				decision.delayTimedOut(timeout);
				throw timeout;
			}
		}
		if (failure != null) {
			throw rethrowable(failure);
		}
		if (problem != null) {
			return new ProblemResponse(problem);
		}
		return response;
	}

	/**
	 * Wait for the delay the way the client waits for a slow dependency: a call through
	 * the rest of the chain to {@link SlowDependency}, so that the client's own timeout
	 * fires, with the client's own exception, when it is shorter than the delay.
	 */
	private static void delay(long delayNanos, HttpRequest request, ClientHttpRequestExecution execution)
			throws IOException {
		URI slow;
		try {
			slow = SlowDependency.uri(delayNanos);
		}
		catch (IOException ex) {
			sleep(delayNanos);
			return;
		}
		try (ClientHttpResponse held = execution.execute(new DelayRequest(request.getMethod(), slow), new byte[0])) {
			held.getStatusCode();
		}
	}

	/**
	 * Discard the held real response of a call whose timeout fired: a client may fail to
	 * close it for the same timeout (Reactor Netty does), which the caller must not see.
	 */
	private static void discard(@Nullable ClientHttpResponse response) {
		if (response != null) {
			try {
				response.close();
			}
			catch (RuntimeException ex) {
				// the call's outcome is the timeout
			}
		}
	}

	private static void sleep(long delayNanos) throws InterruptedIOException {
		try {
			TimeUnit.NANOSECONDS.sleep(delayNanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted during injected latency");
		}
	}

	private static IOException rethrowable(Throwable failure) {
		if (failure instanceof IOException io) {
			return io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IOException(failure.getMessage(), failure);
	}

	/**
	 * The call that waits for an injected delay: the request's method, no headers, no
	 * body.
	 */
	private record DelayRequest(HttpMethod method, URI uri) implements HttpRequest {

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return new HashMap<>();
		}

	}

	/**
	 * A response as from a failing dependency, never sent over the network.
	 */
	static final class ProblemResponse implements ClientHttpResponse {

		private final ChaosProblem problem;

		private final HttpHeaders headers = new HttpHeaders();

		ProblemResponse(ChaosProblem problem) {
			this.problem = problem;
			if (problem.retryAfter() != null) {
				this.headers.set(ChaosProblem.RETRY_AFTER_HEADER, problem.retryAfter());
			}
			this.headers.set(ChaosProblem.ASSAULT_HEADER, problem.assault());
			this.headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			this.headers.setContentLength(problem.body().length);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.problem.status());
		}

		@Override
		public String getStatusText() {
			return "";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.problem.body());
		}

		@Override
		public void close() {
		}

	}

}
