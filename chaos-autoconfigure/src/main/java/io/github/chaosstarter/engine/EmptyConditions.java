package io.github.chaosstarter.engine;

import java.util.Locale;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Refuses an empty target condition in the application's configuration ({@code beans: []}
 * in YAML, {@code chaos.assaults.x.target.beans=} in properties): bound, it would be no
 * condition at all and widen the target to every watched bean, as the endpoint refuses it
 * too. (An empty object, {@code target: {}}, never reaches the environment: Spring's YAML
 * loader drops it, so it means what leaving it out means.)
 *
 * @author Chaos Starter team
 */
final class EmptyConditions {

	private static final String PREFIX = SpecCompiler.ASSAULTS + ".";

	private EmptyConditions() {
	}

	static void check(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.startsWith(PREFIX) && lower.contains(".target") && isEmpty(enumerable.getProperty(name))) {
					throw new InvalidChaosPropertyException(name,
							"must not be empty: an empty condition would widen the target to every watched bean; "
									+ "leave it out instead");
				}
			}
		}
	}

	private static boolean isEmpty(Object value) {
		return value instanceof CharSequence text && text.toString().isBlank();
	}

}
