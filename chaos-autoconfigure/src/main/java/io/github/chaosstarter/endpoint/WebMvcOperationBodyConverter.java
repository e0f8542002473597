package io.github.chaosstarter.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets Spring MVC read nested JSON into the body of actuator write operations. See
 * {@link OperationBodies}.
 *
 * @author Chaos Starter team
 */
final class WebMvcOperationBodyConverter implements GenericHttpMessageConverter<Object> {

	private static final List<MediaType> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"));

	@Override
	public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
		return OperationBodies.isOperationHandler(contextClass) && OperationBodies.isJson(mediaType)
				&& Map.class.isAssignableFrom(ResolvableType.forType(type).toClass());
	}

	@Override
	public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage inputMessage)
			throws IOException, HttpMessageNotReadableException {
		MediaType contentType = inputMessage.getHeaders().getContentType();
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		String body;
		try (InputStream input = inputMessage.getBody()) {
			byte[] bytes = input.readNBytes(OperationBodies.MAX_BODY_SIZE + 1);
			if (bytes.length > OperationBodies.MAX_BODY_SIZE) {
				throw new HttpMessageNotReadableException(
						"The body exceeds " + OperationBodies.MAX_BODY_SIZE + " bytes", inputMessage);
			}
			body = new String(bytes, charset);
		}
		try {
			return OperationBodies.parse(body);
		}
		catch (IllegalArgumentException ex) {
			throw new HttpMessageNotReadableException(ex.getMessage(), ex, inputMessage);
		}
	}

	@Override
	public Object read(Class<?> clazz, HttpInputMessage inputMessage) throws HttpMessageNotReadableException {
		throw new HttpMessageNotReadableException("Only reads actuator operation bodies", inputMessage);
	}

	@Override
	public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public void write(Object value, @Nullable Type type, @Nullable MediaType contentType,
			HttpOutputMessage outputMessage) throws HttpMessageNotWritableException {
		throw new HttpMessageNotWritableException("Only reads actuator operation bodies");
	}

	@Override
	public void write(Object value, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
			throws HttpMessageNotWritableException {
		throw new HttpMessageNotWritableException("Only reads actuator operation bodies");
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return MEDIA_TYPES;
	}

	/**
	 * Puts the converter first.
	 */
	static final class Configurer implements WebMvcConfigurer {

		// deprecated in Spring Framework 7, but the replacement does not exist in 6.2
		// (Boot 3.5)
		@Override
		@SuppressWarnings("removal")
		public void extendMessageConverters(
				List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
			converters.add(0, new WebMvcOperationBodyConverter());
		}

	}

}
