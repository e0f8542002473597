package io.github.chaosstarter.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The paths of the actuator endpoints, which chaos never touches: request-level assaults
 * do not apply to them and the guard does not count their responses, so that no assault
 * can lock out {@code /actuator/chaos} (the off switch) or the health checks. Taken from
 * Spring Boot's {@link PathMappedEndpoints} (each endpoint's own path, not the base path:
 * with {@code management.endpoints.web.base-path=/} the base path is every path), with
 * the links page and the health groups' additional paths.
 *
 * @author Chaos Starter team
 */
final class ManagementPaths {

	private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints",
			ManagementPaths.class.getClassLoader());

	/** No actuator endpoints: nothing is immune. */
	static final ManagementPaths NONE = new ManagementPaths(null);

	private final @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile String @Nullable [] paths;

	private ManagementPaths(@Nullable ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Return the management paths of an application.
	 * @param beanFactory the application's bean factory
	 * @return the paths, read once when first needed
	 */
	static ManagementPaths of(ConfigurableListableBeanFactory beanFactory) {
		return ACTUATOR_PRESENT ? new ManagementPaths(beanFactory) : NONE;
	}

	/**
	 * Return whether a request path belongs to an actuator endpoint.
	 * @param path the path within the application (or within the dispatcher servlet's
	 * mapping)
	 * @return {@code true} for actuator endpoint paths
	 */
	boolean contains(@Nullable String path) {
		if (path == null) {
			return false;
		}
		String[] paths = paths();
		for (String candidate : paths) {
			if (path.startsWith(candidate)
					&& (path.length() == candidate.length() || path.charAt(candidate.length()) == '/')) {
				return true;
			}
		}
		return false;
	}

	private String[] paths() {
		String[] paths = this.paths;
		if (paths == null) {
			paths = (this.beanFactory != null) ? Endpoints.paths(this.beanFactory) : new String[0];
			this.paths = paths;
		}
		return paths;
	}

	/**
	 * Reads the paths; loaded only with the actuator on the class path.
	 */
	private static final class Endpoints {

		static String[] paths(ConfigurableListableBeanFactory beanFactory) {
			Set<String> paths = new LinkedHashSet<>();
			beanFactory.getBeanProvider(PathMappedEndpoints.class).orderedStream().forEach((endpoints) -> {
				String base = endpoints.getBasePath();
				if (StringUtils.hasLength(base) && !"/".equals(base)) {
					paths.add(strip(base));
				}
				endpoints.getAllPaths().forEach((path) -> paths.add(strip(path)));
				for (PathMappedEndpoint endpoint : endpoints) {
					endpoint.getAdditionalPaths(WebServerNamespace.SERVER).forEach((path) -> paths.add(strip(path)));
				}
			});
			paths.removeIf((path) -> path.isEmpty());
			return paths.toArray(new String[0]);
		}

		private static String strip(String path) {
			String result = path.startsWith("/") ? path : "/" + path;
			while (result.endsWith("/")) {
				result = result.substring(0, result.length() - 1);
			}
			return result;
		}

	}

}
