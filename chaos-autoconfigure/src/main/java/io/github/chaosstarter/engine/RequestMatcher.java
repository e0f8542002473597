package io.github.chaosstarter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.util.PatternMatchUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The compiled {@code http} and {@code principal} conditions of one target.
 *
 * @author Chaos Starter team
 */
final class RequestMatcher {

	private final List<PathPattern> paths;

	private final Set<String> methods;

	private final Map<String, String> headers;

	private final String[] principals;

	RequestMatcher(TargetSpec target) {
		AssaultSpec.HttpSpec http = target.http();
		this.paths = parse(http.paths());
		this.methods = Set.copyOf(http.methods());
		this.headers = http.headers();
		this.principals = target.principals().toArray(String[]::new);
	}

	static List<PathPattern> parse(List<String> patterns) {
		List<PathPattern> result = new ArrayList<>(patterns.size());
		for (String pattern : patterns) {
			result.add(PathPatternParser.defaultInstance.parse(pattern));
		}
		return List.copyOf(result);
	}

	static boolean matchesPath(List<PathPattern> patterns, String path) {
		if (patterns.isEmpty()) {
			return true;
		}
		PathContainer container = PathContainer.parsePath(path.isEmpty() ? "/" : path);
		for (PathPattern pattern : patterns) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

	boolean matches(RequestFacts request) {
		if (!this.methods.isEmpty() && !this.methods.contains(request.method())) {
			return false;
		}
		if (!matchesPath(this.paths, request.path())) {
			return false;
		}
		for (Map.Entry<String, String> header : this.headers.entrySet()) {
			if (!header.getValue().equals(request.header(header.getKey()))) {
				return false;
			}
		}
		if (this.principals.length > 0) {
			String principal = request.principal();
			return principal != null && PatternMatchUtils.simpleMatch(this.principals, principal);
		}
		return true;
	}

}
