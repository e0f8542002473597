package io.github.chaosstarter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A dependency that takes its time to answer, on the loopback interface: it accepts a
 * connection, reads and discards what the client sends, and answers {@code 204} with
 * {@code Connection: close} only when the delay named in the request path has passed. An
 * application's HTTP client sent here meets injected latency with its own timeouts —
 * read, response or request timeout, whatever the client was built with — and fails as it
 * fails against a really slow server, with the client's own exception, after the client's
 * own wait. When the delay passes first, the caller goes on with the real call.
 * <p>
 * One per JVM, started on first use. Each held connection has a daemon thread while it is
 * held; a client that gives up closes its connection and frees the thread.
 *
 * @author Chaos Starter team
 */
final class SlowDependency {

	private static final Log logger = LogFactory.getLog(SlowDependency.class);

	private static final String PATH = "/chaos-starter/slow-dependency/";

	private static final byte[] ANSWER = ("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	/** How long a connection may take to send its request line. */
	private static final int REQUEST_LINE_TIMEOUT_MILLIS = 10_000;

	private static volatile @Nullable SlowDependency instance;

	private final ServerSocket server;

	private final ExecutorService connections;

	private SlowDependency() throws IOException {
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		AtomicInteger count = new AtomicInteger();
		this.connections = Executors
			.newCachedThreadPool((task) -> daemon(task, "chaos-slow-dependency-" + count.incrementAndGet()));
		daemon(this::accept, "chaos-slow-dependency-acceptor").start();
	}

	/**
	 * Return the address a client must call to be held for the given delay.
	 * @param delayNanos the delay
	 * @return the URI, on the loopback interface
	 * @throws IOException when the server cannot be started
	 */
	static URI uri(long delayNanos) throws IOException {
		SlowDependency dependency = instance;
		if (dependency == null) {
			synchronized (SlowDependency.class) {
				dependency = instance;
				if (dependency == null) {
					dependency = new SlowDependency();
					instance = dependency;
				}
			}
		}
		InetAddress address = dependency.server.getInetAddress();
		String host = (address.getAddress().length == 16) ? "[" + address.getHostAddress() + "]"
				: address.getHostAddress();
		return URI.create("http://" + host + ":" + dependency.server.getLocalPort() + PATH + delayNanos);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				long accepted = System.nanoTime();
				this.connections.execute(() -> hold(socket, accepted));
			}
			catch (IOException | RuntimeException ex) {
				if (!this.server.isClosed()) {
					logger.debug("Slow dependency could not accept a connection", ex);
				}
			}
		}
	}

	private static void hold(Socket socket, long accepted) {
		try (socket) {
			socket.setSoTimeout(REQUEST_LINE_TIMEOUT_MILLIS);
			InputStream input = socket.getInputStream();
			long delayNanos = delay(requestLine(input));
			if (delayNanos < 0) {
				return;
			}
			long deadline = accepted + delayNanos;
			byte[] discarded = new byte[4096];
			while (true) {
				long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remainingMillis <= 0) {
					break;
				}
				socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
				try {
					if (input.read(discarded) < 0) {
						// the client gave up: its timeout fired
						return;
					}
				}
				catch (SocketTimeoutException ex) {
					break;
				}
			}
			OutputStream output = socket.getOutputStream();
			output.write(ANSWER);
			output.flush();
		}
		catch (IOException | RuntimeException ex) {
			// the client closed the connection while it was held
		}
	}

	private static String requestLine(InputStream input) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int next = input.read(); next >= 0 && next != '\n' && line.length() < 512; next = input.read()) {
			line.append((char) next);
		}
		return line.toString();
	}

	/**
	 * Read the delay from a request line such as
	 * {@code GET /chaos-starter/slow-dependency/2000000000 HTTP/1.1}.
	 * @param requestLine the request line
	 * @return the delay in nanoseconds, or {@code -1} when the line names none
	 */
	static long delay(String requestLine) {
		int start = requestLine.indexOf(PATH);
		if (start < 0) {
			return -1;
		}
		start += PATH.length();
		int end = start;
		while (end < requestLine.length() && Character.isDigit(requestLine.charAt(end))) {
			end++;
		}
		if (end == start || end - start > 18) {
			return -1;
		}
		return Long.parseLong(requestLine, start, end, 10);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
