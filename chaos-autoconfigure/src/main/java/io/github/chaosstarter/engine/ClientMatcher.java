package io.github.chaosstarter.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The compiled {@code client} conditions of one target.
 *
 * @author Chaos Starter team
 */
final class ClientMatcher {

	private final List<String> exactHosts = new ArrayList<>();

	private final List<String> hostSuffixes = new ArrayList<>();

	private final List<PathPattern> paths = new ArrayList<>();

	private final Set<String> methods;

	ClientMatcher(ClientSpec client) {
		for (String host : client.hosts()) {
			if (host.startsWith("*.")) {
				this.hostSuffixes.add(host.substring(1).toLowerCase(Locale.ROOT));
			}
			else {
				this.exactHosts.add(host.toLowerCase(Locale.ROOT));
			}
		}
		for (String path : client.paths()) {
			this.paths.add(PathPatternParser.defaultInstance.parse(path));
		}
		this.methods = Set.copyOf(client.methods());
	}

	boolean matches(String method, URI uri) {
		if (!this.methods.isEmpty() && !this.methods.contains(method)) {
			return false;
		}
		if (!matchesHost(uri.getHost())) {
			return false;
		}
		if (this.paths.isEmpty()) {
			return true;
		}
		String path = uri.getRawPath();
		PathContainer container = PathContainer.parsePath((path == null || path.isEmpty()) ? "/" : path);
		for (PathPattern pattern : this.paths) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesHost(String host) {
		if (this.exactHosts.isEmpty() && this.hostSuffixes.isEmpty()) {
			return true;
		}
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (this.exactHosts.contains(name)) {
			return true;
		}
		for (String suffix : this.hostSuffixes) {
			if (name.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
