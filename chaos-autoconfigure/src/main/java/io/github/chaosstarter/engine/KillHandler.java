package io.github.chaosstarter.engine;

/**
 * Stops the application for a kill assault.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
interface KillHandler {

	/**
	 * Stop the application as the effect says.
	 * @param assault the assault's name
	 * @param kill the effect
	 */
	void kill(String assault, AssaultSpec.KillSpec kill);

}
