package io.github.chaosstarter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

import io.github.chaosstarter.engine.ChaosAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the dependencies beneath the application's code: imports the
 * configuration of each kind of target — {@code jdbc} (data sources), {@code cache}
 * (Spring's caching aspects), {@code redis} (connection factories), {@code kafka}
 * (producer factories, listener containers), {@code rabbit} (templates, listener
 * containers) — each guarded by its own conditions, so that a library absent from the
 * class path is never loaded. Excluding this auto-configuration leaves every dependency
 * undecorated.
 *
 * @author Chaos Starter team
 */
@AutoConfiguration(after = ChaosAutoConfiguration.class)
@Import(ChaosDependencyAutoConfiguration.Decorations.class)
public final class ChaosDependencyAutoConfiguration {

	/**
	 * The configurations, by name: each is package-private in its feature's package.
	 */
	static final class Decorations implements ImportSelector {

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return new String[] { "io.github.chaosstarter.jdbc.ChaosJdbcConfiguration",
					"io.github.chaosstarter.cache.ChaosCacheConfiguration",
					"io.github.chaosstarter.redis.ChaosRedisConfiguration",
					"io.github.chaosstarter.kafka.ChaosKafkaConfiguration",
					"io.github.chaosstarter.rabbit.ChaosRabbitConfiguration" };
		}

	}

}
