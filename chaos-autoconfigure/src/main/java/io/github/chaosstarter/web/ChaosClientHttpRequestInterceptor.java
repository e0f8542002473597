package io.github.chaosstarter.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
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
 * {@link IOException} surfaces as the client's usual {@code ResourceAccessException}),
 * latency delays the call, and an error response is returned without sending the request.
 *
 * @author Chaos Starter team
 */
final class ChaosClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final ObjectProvider<ChaosEngine> engines;

	private volatile @Nullable ChaosEngine engine;

	ChaosClientHttpRequestInterceptor(ObjectProvider<ChaosEngine> engines) {
		this.engines = engines;
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
		Strike decision = engine().strikeClient(request.getMethod().name(), request.getURI());
		if (decision == null) {
			return execution.execute(request, body);
		}
		if (decision.delayNanos() > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(decision.delayNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted during injected latency");
			}
		}
		Throwable failure = decision.failure();
		if (failure != null) {
			throw rethrowable(failure);
		}
		ChaosProblem problem = ChaosProblem.of(decision);
		if (problem != null) {
			return new ProblemResponse(problem);
		}
		return execution.execute(request, body);
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
