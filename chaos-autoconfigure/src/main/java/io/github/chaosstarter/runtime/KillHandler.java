package io.github.chaosstarter.runtime;

import io.github.chaosstarter.config.AssaultSpec.KillSpec;

/**
 * Stops the application for a kill assault.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
public interface KillHandler {

	/**
	 * Stop the application as the effect says.
	 * @param assault the assault's name
	 * @param kill the effect
	 */
	void kill(String assault, KillSpec kill);

}
