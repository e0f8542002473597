package io.github.chaosstarter.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds what the body of a response that carried an injected failure revealed: the labels
 * of the fixed set the report uses, and a short excerpt around the first finding.
 *
 * @author Chaos Starter team
 */
final class Leaks {

	static final String EXCEPTION_CLASS_NAME = "exception class name";

	static final String STACK_FRAME = "stack frame";

	static final String INJECTED_MESSAGE = "injected message";

	static final String PACKAGE_NAME = "package name";

	private static final int SAMPLE = 120;

	private static final Pattern[] PATTERNS = {
			Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)\\b"),
			Pattern.compile(
					"[A-Za-z_$][\\w$]*(?:\\.[\\w$<>]+)+\\((?:[\\w$]+\\.(?:java|kt|groovy|scala):\\d+|Unknown Source|Native Method)\\)"),
			Pattern.compile("Chaos assault '[^']*'"), Pattern.compile(
					"\\b(?:java|javax|jakarta|sun|com|org|io|net|reactor|kotlin)\\.[a-z_][a-z0-9_]*(?:\\.[a-zA-Z_$][\\w$]*)+") };

	private static final String[] LABELS = { EXCEPTION_CLASS_NAME, STACK_FRAME, INJECTED_MESSAGE, PACKAGE_NAME };

	private Leaks() {
	}

	/**
	 * Check a body.
	 * @param body the body's prefix
	 * @return the finding, or {@code null} when the body revealed nothing
	 */
	static @Nullable Finding scan(String body) {
		List<String> labels = new ArrayList<>();
		int first = Integer.MAX_VALUE;
		for (int i = 0; i < PATTERNS.length; i++) {
			Matcher matcher = PATTERNS[i].matcher(body);
			if (matcher.find()) {
				labels.add(LABELS[i]);
				first = Math.min(first, matcher.start());
			}
		}
		if (labels.isEmpty()) {
			return null;
		}
		int from = Math.max(0, first - SAMPLE / 4);
		int to = Math.min(body.length(), from + SAMPLE);
		String sample = body.substring(from, to).replaceAll("\\s+", " ").trim();
		return new Finding(List.copyOf(labels), sample);
	}

	/**
	 * What one body revealed.
	 */
	record Finding(List<String> labels, String sample) {
	}

}
