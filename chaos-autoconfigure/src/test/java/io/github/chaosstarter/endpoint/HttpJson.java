package io.github.chaosstarter.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.json.JsonParserFactory;

/**
 * Minimal JSON over HTTP for the endpoint tests.
 */
final class HttpJson {

	private final HttpClient client = newClient();

	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	private final String base;

	private final Duration timeout;

	private final boolean freshConnections;

	HttpJson(int port) {
		this(port, Duration.ofSeconds(30), false);
	}

	/**
	 * Create a client.
	 * @param port the server's port
	 * @param timeout the timeout of each request
	 * @param freshConnections whether each request opens a connection of its own: with
	 * {@code management.endpoints.web.base-path=/} on WebFlux, a kept-alive connection
	 * now and then stops being answered (seen without the starter's web filters too)
	 */
	HttpJson(int port, Duration timeout, boolean freshConnections) {
		this.base = "http://localhost:" + port;
		this.timeout = timeout;
		this.freshConnections = freshConnections;
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	Response post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpClient client = this.freshConnections ? newClient() : this.client;
			HttpResponse<String> response = client.send(request.timeout(this.timeout).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body) {

		Map<String, Object> json() {
			return JsonParserFactory.getJsonParser().parseMap(this.body);
		}

	}

}
