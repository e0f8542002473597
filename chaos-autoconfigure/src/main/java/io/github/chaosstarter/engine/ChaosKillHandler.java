package io.github.chaosstarter.engine;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * Stops the application for a kill assault.
 * <ul>
 * <li>{@code graceful}: closes the application context on a separate thread, as the JVM's
 * shutdown hook does on SIGTERM, so that {@code server.shutdown=graceful} (the default
 * since Spring Boot 3.4) lets in-flight requests, the triggering one included, complete;
 * then exits the JVM with the exit code. The triggering call proceeds and is answered
 * normally.</li>
 * <li>{@code abrupt}: halts the JVM at once with the exit code, as SIGKILL would: no
 * shutdown hooks, no context close; every open connection, the triggering one included,
 * is cut.</li>
 * </ul>
 *
 * @author Chaos Starter team
 */
final class ChaosKillHandler implements KillHandler {

	private static final Log logger = LogFactory.getLog(ChaosKillHandler.class);

	private final ApplicationContext context;

	private final AtomicBoolean stopping = new AtomicBoolean();

	/**
	 * Create a new instance.
	 * @param context the context to close on a graceful kill
	 */
	ChaosKillHandler(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void kill(String assault, AssaultSpec.KillSpec kill) {
		if (kill.abrupt()) {
			logger.warn("Chaos assault '" + assault + "' halts the JVM now with exit code " + kill.exitCode());
			Runtime.getRuntime().halt(kill.exitCode());
			return;
		}
		if (!this.stopping.compareAndSet(false, true)) {
			return;
		}
		logger.warn("Chaos assault '" + assault + "' shuts the application down gracefully with exit code "
				+ kill.exitCode());
		Thread thread = new Thread(() -> {
			int exitCode = SpringApplication.exit(this.context, kill::exitCode);
			System.exit(exitCode);
		}, "chaos-kill");
		thread.setDaemon(false);
		thread.start();
	}

}
