package io.github.chaosstarter.endpoint;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Lets Spring WebFlux read nested JSON into the body of actuator write operations. See
 * {@link OperationBodies}.
 *
 * @author Chaos Starter team
 */
final class WebFluxOperationBodyReader implements HttpMessageReader<Object> {

	private static final List<MediaType> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"));

	@Override
	public List<MediaType> getReadableMediaTypes() {
		return MEDIA_TYPES;
	}

	@Override
	public boolean canRead(ResolvableType elementType, @Nullable MediaType mediaType) {
		return elementType.getSource() instanceof MethodParameter parameter
				&& OperationBodies.isOperationHandler(parameter.getContainingClass())
				&& OperationBodies.isJson(mediaType) && Map.class.isAssignableFrom(elementType.toClass());
	}

	@Override
	public Flux<Object> read(ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
		return Flux.from(readMono(elementType, message, hints));
	}

	@Override
	public Mono<Object> readMono(ResolvableType elementType, ReactiveHttpInputMessage message,
			Map<String, Object> hints) {
		MediaType contentType = message.getHeaders().getContentType();
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		return DataBufferUtils.join(message.getBody(), OperationBodies.MAX_BODY_SIZE).map((buffer) -> {
			String body = buffer.toString(charset);
			DataBufferUtils.release(buffer);
			return body;
		}).map((body) -> {
			try {
				return (Object) OperationBodies.parse(body);
			}
			catch (IllegalArgumentException ex) {
				throw new DecodingException(ex.getMessage(), ex);
			}
		})
			.onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
					(ex) -> new DecodingException("The body exceeds " + OperationBodies.MAX_BODY_SIZE + " bytes", ex));
	}

	/**
	 * Registers the reader.
	 */
	static final class Configurer implements WebFluxConfigurer {

		@Override
		public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
			configurer.customCodecs().register(new WebFluxOperationBodyReader());
		}

	}

}
