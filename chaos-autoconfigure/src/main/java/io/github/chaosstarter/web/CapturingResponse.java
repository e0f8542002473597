package io.github.chaosstarter.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that keeps the first characters of the body as the application writes it,
 * for {@link ChaosResponseFilter}.
 *
 * @author Chaos Starter team
 */
final class CapturingResponse extends HttpServletResponseWrapper {

	private final ServedResponse served;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	CapturingResponse(HttpServletResponse response, ServedResponse served) {
		super(response);
		this.served = served;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		ServletOutputStream stream = this.stream;
		if (stream == null) {
			stream = new CapturingStream(super.getOutputStream(), this.served);
			this.stream = stream;
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		PrintWriter writer = this.writer;
		if (writer == null) {
			writer = new PrintWriter(new CapturingWriter(super.getWriter(), this.served));
			this.writer = writer;
		}
		return writer;
	}

	private static final class CapturingStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final ServedResponse served;

		CapturingStream(ServletOutputStream delegate, ServedResponse served) {
			this.delegate = delegate;
			this.served = served;
		}

		@Override
		public void write(int b) throws IOException {
			this.served.capture(b);
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.served.capture(bytes, offset, length);
			this.delegate.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

	private static final class CapturingWriter extends Writer {

		private final PrintWriter delegate;

		private final ServedResponse served;

		CapturingWriter(PrintWriter delegate, ServedResponse served) {
			this.delegate = delegate;
			this.served = served;
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			if (!this.served.bodyFull()) {
				this.served.capture(CharBuffer.wrap(chars, offset, length));
			}
			this.delegate.write(chars, offset, length);
		}

		@Override
		public void flush() {
			this.delegate.flush();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
