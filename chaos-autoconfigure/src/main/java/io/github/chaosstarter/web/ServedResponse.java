package io.github.chaosstarter.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.InjectedFaults;
import io.github.chaosstarter.engine.RequestLedger;

/**
 * One response served while chaos is on, on its way to the engine: whether an injected
 * failure reached the caller, and the first {@value #BODY_LIMIT} characters of its body.
 * Written by one request at a time; reported once.
 *
 * @author Chaos Starter team
 */
final class ServedResponse {

	/** Characters of a response body kept for the report's leak check. */
	static final int BODY_LIMIT = 4096;

	/** Start of every injected exception's message. */
	static final String INJECTED_MESSAGE = "Chaos assault '";

	private static final int CAUSE_DEPTH = 16;

	private final ChaosEngine engine;

	private final String method;

	private final String path;

	private final long start;

	private final StringBuilder body = new StringBuilder();

	private final RequestLedger ledger = new RequestLedger();

	private @Nullable String pattern;

	private boolean injected;

	private boolean starterWrote;

	private volatile boolean thrown;

	private boolean reported;

	ServedResponse(ChaosEngine engine, String method, String path, long start) {
		this.engine = engine;
		this.method = method;
		this.path = path;
		this.start = start;
	}

	/**
	 * Return the ledger of the dependencies this request calls with injected faults.
	 * @return the ledger
	 */
	RequestLedger ledger() {
		return this.ledger;
	}

	void pattern(@Nullable String pattern) {
		if (pattern != null) {
			this.pattern = pattern;
		}
	}

	/**
	 * Note an exception that the application handled or let escape.
	 * @param failure the exception, may be {@code null}
	 */
	void failure(@Nullable Object failure) {
		if (failure instanceof Throwable throwable && (InjectedFaults.injectedIn(throwable, CAUSE_DEPTH) != null
				|| ChaosProblem.find(throwable) != null)) {
			this.injected = true;
		}
	}

	/**
	 * Note that the starter itself wrote this response (an injected error response): the
	 * failure reached the caller, and its body is the starter's, not the application's.
	 */
	void writtenByStarter() {
		this.injected = true;
		this.starterWrote = true;
	}

	/**
	 * Note that an injected failure was thrown while this request was handled: when the
	 * response is an error, it reached the caller.
	 */
	void failureThrown() {
		this.thrown = true;
	}

	void capture(byte[] bytes, int offset, int length) {
		int room = BODY_LIMIT - this.body.length();
		if (room > 0 && length > 0) {
			this.body.append(new String(bytes, offset, Math.min(length, room), StandardCharsets.UTF_8));
		}
	}

	void capture(CharSequence chars) {
		int room = BODY_LIMIT - this.body.length();
		if (room > 0 && chars.length() > 0) {
			this.body.append(chars, 0, Math.min(chars.length(), room));
		}
	}

	void capture(int b) {
		if (this.body.length() < BODY_LIMIT) {
			this.body.append((char) (b & 0xFF));
		}
	}

	boolean bodyFull() {
		return this.body.length() >= BODY_LIMIT;
	}

	/**
	 * Report the response, once.
	 * @param status its status
	 */
	synchronized void report(int status) {
		if (this.reported) {
			return;
		}
		this.reported = true;
		boolean injected = this.injected || (this.thrown && status >= 500) || this.body.indexOf(INJECTED_MESSAGE) >= 0;
		String body = (injected && !this.starterWrote) ? this.body.toString() : null;
		this.engine.served(this.method, this.path, this.pattern, status, System.nanoTime() - this.start, injected, body,
				this.ledger);
	}

}
