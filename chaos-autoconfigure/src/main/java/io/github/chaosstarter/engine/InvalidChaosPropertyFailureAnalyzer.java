package io.github.chaosstarter.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Turns an invalid chaos property into a startup failure report that names the property.
 *
 * @author Chaos Starter team
 */
class InvalidChaosPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChaosPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChaosPropertyException cause) {
		String description = "Invalid chaos configuration:\n\n    Property: " + cause.getProperty() + "\n    Reason: "
				+ cause.getReason() + "\n";
		String action = "Fix '" + cause.getProperty()
				+ "' in your application's configuration. The chaos configuration reference lists every property with its allowed values.";
		return new FailureAnalysis(description, action, cause);
	}

}
