package io.github.chaosstarter.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.pattern.PathPattern;

/**
 * Matches request paths against {@code chaos.hypothesis.paths}, parsed once per
 * hypothesis. Only loaded by the web filters, so Spring Web is present.
 *
 * @author Chaos Starter team
 */
final class HypothesisPaths {

	private static volatile @Nullable Parsed parsed;

	private HypothesisPaths() {
	}

	/**
	 * Return whether the hypothesis counts a request.
	 * @param hypothesis the hypothesis
	 * @param path the request path within the application
	 * @return {@code true} when it names no path or a path pattern matches
	 */
	static boolean matches(ChaosSpec.HypothesisSpec hypothesis, String path) {
		if (hypothesis.paths().isEmpty()) {
			return true;
		}
		Parsed current = parsed;
		if (current == null || current.hypothesis != hypothesis) {
			current = new Parsed(hypothesis, RequestMatcher.parse(hypothesis.paths()), prefixes(hypothesis.paths()));
			parsed = current;
		}
		String[] prefixes = current.prefixes;
		if (prefixes != null) {
			for (String prefix : prefixes) {
				if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
						|| prefix.endsWith("/"))) {
					return true;
				}
			}
			return false;
		}
		return RequestMatcher.matchesPath(current.patterns, path);
	}

	/**
	 * Return the literal prefixes when every pattern is a literal path followed by
	 * {@code /**} (the usual {@code /api/**}), which match without parsing the path, or
	 * {@code null}.
	 */
	private static String @Nullable [] prefixes(List<String> patterns) {
		String[] prefixes = new String[patterns.size()];
		for (int i = 0; i < prefixes.length; i++) {
			String pattern = patterns.get(i);
			if (!pattern.endsWith("/**")) {
				return null;
			}
			String prefix = pattern.substring(0, pattern.length() - 3);
			if (prefix.isEmpty() || prefix.contains("*") || prefix.contains("{") || prefix.contains("?")
					|| prefix.contains(";") || prefix.contains("%") || prefix.contains("//")) {
				return null;
			}
			prefixes[i] = prefix;
		}
		return prefixes;
	}

	private record Parsed(ChaosSpec.HypothesisSpec hypothesis, List<PathPattern> patterns,
			String @Nullable [] prefixes) {
	}

}
