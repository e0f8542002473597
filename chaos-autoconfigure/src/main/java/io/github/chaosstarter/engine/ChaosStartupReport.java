package io.github.chaosstarter.engine;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.chaosstarter.Chaos;

/**
 * Logs once, when the context is ready, what the starter watches and whether chaos is on;
 * at {@code WARN} when chaos is configured but no bean is watched, so that chaos never
 * silently attacks nothing.
 *
 * @author Chaos Starter team
 */
final class ChaosStartupReport {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter");

	private ChaosStartupReport() {
	}

	static void log(Chaos.State state, String kinds) {
		String summary = "Chaos Starter watching " + state.watched().count() + " beans of kinds " + kinds
				+ "; chaos is " + (state.enabled() ? "ON" : "off") + (state.dryRun() ? " (dry run)" : "") + ", "
				+ state.assaults().size() + " assault(s) configured"
				+ (state.assaults().isEmpty() ? "" : ": " + String.join(", ", state.assaults().keySet()));
		boolean configured = state.enabled() || !state.assaults().isEmpty();
		if (configured && !state.warnings().isEmpty()) {
			logger.warn(summary + ". " + String.join("; ", state.warnings()));
		}
		else if (logger.isInfoEnabled()) {
			logger.info(summary);
		}
	}

}
