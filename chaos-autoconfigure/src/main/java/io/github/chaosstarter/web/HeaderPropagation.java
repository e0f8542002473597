package io.github.chaosstarter.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;

import io.github.chaosstarter.engine.RequestFacts;

/**
 * {@code chaos.propagate-headers}: the headers of the inbound request being served that
 * its outbound calls carry on, so that a downstream instance's request conditions hit the
 * same user journey. The first value of each header is carried; a header the outbound
 * call sets itself keeps the application's value. Read once at startup; while no header
 * is named, each outbound call pays one field read.
 *
 * @author Chaos Starter team
 */
final class HeaderPropagation {

	private static final String PROPERTY = "chaos.propagate-headers";

	private static final HeaderPropagation NONE = new HeaderPropagation(new String[0], null);

	private final String[] names;

	private final @Nullable ObjectProvider<RequestFacts.Source> sources;

	private volatile RequestFacts.@Nullable Source source;

	private HeaderPropagation(String[] names, @Nullable ObjectProvider<RequestFacts.Source> sources) {
		this.names = names;
		this.sources = sources;
	}

	/**
	 * Return the propagation that copies nothing.
	 * @return the propagation
	 */
	static HeaderPropagation none() {
		return NONE;
	}

	/**
	 * Read {@code chaos.propagate-headers} from the environment.
	 * @param environment the application's environment
	 * @param sources finds the request being served on the current thread
	 * @return the propagation, which does nothing when no header is named (the engine
	 * refuses names that are not header names at startup)
	 */
	static HeaderPropagation of(Environment environment, ObjectProvider<RequestFacts.Source> sources) {
		List<String> names = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
		names = names.stream().filter((name) -> name != null && !name.isEmpty()).toList();
		if (names.isEmpty()) {
			return NONE;
		}
		return new HeaderPropagation(names.toArray(String[]::new), sources);
	}

	boolean enabled() {
		return this.names.length > 0;
	}

	/**
	 * Return the propagated headers an inbound request carries.
	 * @param inbound the inbound request's headers
	 * @return those headers, or {@code null} when it carries none of them
	 */
	@Nullable Carried carried(HttpHeaders inbound) {
		return carried(inbound::getFirst);
	}

	/**
	 * Return the propagated headers of the request being served on the current thread.
	 * @return those headers, or {@code null} outside a request or when it carries none
	 */
	@Nullable Carried carriedByCurrentRequest() {
		RequestFacts request = source().current();
		if (request == null || request.management()) {
			return null;
		}
		return carried(request::header);
	}

	private @Nullable Carried carried(Function<String, @Nullable String> header) {
		String[] values = null;
		for (int i = 0; i < this.names.length; i++) {
			String value = header.apply(this.names[i]);
			if (value != null) {
				if (values == null) {
					values = new String[this.names.length];
				}
				values[i] = value;
			}
		}
		return (values != null) ? new Carried(this.names, values) : null;
	}

	private RequestFacts.Source source() {
		RequestFacts.Source source = this.source;
		if (source == null) {
			ObjectProvider<RequestFacts.Source> sources = this.sources;
			source = (sources != null) ? sources.getIfAvailable(() -> RequestFacts.Source.NONE)
					: RequestFacts.Source.NONE;
			this.source = source;
		}
		return source;
	}

	/**
	 * The first values of the propagated headers of one inbound request ({@code null}
	 * where it does not carry one). Uses only the {@link HttpHeaders} methods that Spring
	 * Framework 6.2 and 7 share.
	 *
	 * @param names the propagated header names
	 * @param values their values, by index
	 */
	record Carried(String[] names, @Nullable String[] values) {

		/**
		 * Tell whether an outbound call lacks one of the carried headers.
		 * @param outbound the outbound call's headers
		 * @return whether {@link #addMissing} would add one
		 */
		boolean lacksAny(HttpHeaders outbound) {
			for (int i = 0; i < this.names.length; i++) {
				if (this.values[i] != null && outbound.getFirst(this.names[i]) == null) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Add the carried headers an outbound call does not set itself.
		 * @param outbound the outbound call's headers
		 */
		void addMissing(HttpHeaders outbound) {
			for (int i = 0; i < this.names.length; i++) {
				String value = this.values[i];
				if (value != null && outbound.getFirst(this.names[i]) == null) {
					outbound.set(this.names[i], value);
				}
			}
		}

	}

}
