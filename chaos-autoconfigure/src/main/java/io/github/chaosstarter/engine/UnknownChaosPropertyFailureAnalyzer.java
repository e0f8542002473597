package io.github.chaosstarter.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns an unknown {@code chaos.*} key at startup (a typo such as {@code chaos.enabeld}
 * or {@code chaos.assaults.x.probabilty}) into a failure report that names the key and
 * the nearest valid one, before Spring Boot's generic "left unbound" analysis.
 *
 * @author Chaos Starter team
 */
class UnknownChaosPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
		implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<String> lines = new ArrayList<>();
		String first = null;
		for (ConfigurationProperty property : cause.getUnboundProperties()) {
			String name = property.getName().toString();
			if (!name.startsWith("chaos.")) {
				return null;
			}
			String suggestion = PropertyTree.suggest(name);
			lines.add("    Property: " + name + "\n    Reason: is not a known property"
					+ ((suggestion != null) ? "; did you mean '" + suggestion + "'?" : "")
					+ ((property.getOrigin() != null) ? "\n    Origin: " + property.getOrigin() : ""));
			first = (first != null) ? first : name;
		}
		if (first == null) {
			return null;
		}
		return new FailureAnalysis("Unknown chaos configuration:\n\n" + String.join("\n\n", lines) + "\n",
				"Fix or remove '" + first + "' in your application's configuration. The chaos configuration reference "
						+ "(docs/reference.md) lists every property.",
				cause);
	}

}
