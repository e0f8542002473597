package io.github.chaosstarter.sample;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the shop's external services live: {@code shop.provider.url}, by default this
 * application's own {@link ProviderController}
 * ({@code http://localhost:${server.port}/provider}).
 * <p>
 * Read on every call rather than once at startup: with {@code server.port=0} (as in the
 * tests) the port is only known once the server runs.
 *
 * @author Chaos Starter team
 */
@Component
public class Provider {

	private final Environment environment;

	public Provider(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Return the URL of a provider resource.
	 * @param path the path below {@code shop.provider.url}, e.g.
	 * {@code /payments/charges}
	 * @return the URL
	 */
	public String url(String path) {
		return this.environment.getRequiredProperty("shop.provider.url") + path;
	}

}
