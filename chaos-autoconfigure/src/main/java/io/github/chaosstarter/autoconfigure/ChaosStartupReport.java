package io.github.chaosstarter.autoconfigure;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.chaosstarter.aop.ChaosAdvisingPostProcessor;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.target.BeanKind;

/**
 * Logs once, after all singletons exist, what the starter watches and whether chaos is
 * on.
 *
 * @author Chaos Starter team
 */
final class ChaosStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog("io.github.chaosstarter");

	private final ChaosAdvisingPostProcessor postProcessor;

	private final ObjectProvider<ChaosRuntime> runtime;

	ChaosStartupReport(ChaosAdvisingPostProcessor postProcessor, ObjectProvider<ChaosRuntime> runtime) {
		this.postProcessor = postProcessor;
		this.runtime = runtime;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ChaosRuntime chaos = this.runtime.getIfAvailable();
		if (chaos == null || !logger.isInfoEnabled()) {
			return;
		}
		ChaosState state = chaos.current();
		String kinds = this.postProcessor.watchedKinds()
			.stream()
			.map(BeanKind::id)
			.sorted()
			.collect(Collectors.joining(", "));
		logger.info("Chaos Starter watching " + this.postProcessor.advisedBeans() + " beans of kinds [" + kinds
				+ "]; chaos is " + (state.enabled() ? "ON" : "off") + (state.spec().dryRun() ? " (dry run)" : "") + ", "
				+ state.assaults().size() + " assault(s) configured"
				+ (state.assaults().isEmpty() ? "" : ": " + String.join(", ", state.assaults().keySet())));
	}

}
