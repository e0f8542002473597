package io.github.chaosstarter.kafka;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.DependencyChaos;

/**
 * The engine as the Kafka decorations ask it, found on first use: the decorated beans are
 * created before the engine may be.
 *
 * @author Chaos Starter team
 */
final class EngineView {

	private final ObjectProvider<ChaosEngine> engine;

	private volatile @Nullable DependencyChaos chaos;

	EngineView(ObjectProvider<ChaosEngine> engine) {
		this.engine = engine;
	}

	/**
	 * Return the engine's view while a kafka assault is active.
	 * @return the view, or {@code null} while no kafka assault is active
	 */
	@Nullable DependencyChaos active() {
		DependencyChaos chaos = this.chaos;
		if (chaos == null) {
			ChaosEngine engine = this.engine.getIfAvailable();
			if (engine == null) {
				return null;
			}
			chaos = new DependencyChaos(engine);
			this.chaos = chaos;
		}
		return chaos.kafkaActive() ? chaos : null;
	}

}
