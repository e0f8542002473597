package io.github.chaosstarter.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;

/**
 * The rules for dependency names: an assault's {@code dependency} label and the names in
 * {@code chaos.expect}. One rule for startup and runtime.
 *
 * @author Chaos Starter team
 */
final class DependencyNames {

	/** Letters, digits and {@code . _ - : /}, as in {@code jdbc:dataSource}. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\[\\]-]{0,199}");

	private static final String RULE = "a dependency name has 1 to 200 letters, digits, '.', '_', '-', ':', '/', '[' or ']', "
			+ "starting with a letter or digit, such as jdbc:dataSource or payments";

	static final List<String> CLASSES = List.of("critical", "degradable", "optional");

	private DependencyNames() {
	}

	/**
	 * Check an assault's dependency label.
	 * @param property the label's property name
	 * @param label the label, or {@code null} for none
	 * @param target the assault's target
	 * @param effect the assault's effect
	 * @return the label, or {@code null} for none
	 */
	static @Nullable String label(String property, @Nullable String label, TargetSpec target,
			AssaultSpec.EffectSpec effect) {
		if (label == null) {
			return null;
		}
		check(property, label);
		if (target.requestOnly()) {
			throw new InvalidChaosPropertyException(property,
					"names a dependency, but the target selects inbound requests, which are not one; "
							+ "label client, jdbc, cache, redis, kafka, rabbit or bean targets");
		}
		if (effect instanceof AssaultSpec.KillSpec) {
			throw new InvalidChaosPropertyException(property,
					"names a dependency, but a kill stops the application rather than a dependency");
		}
		return label;
	}

	/**
	 * Validate the expected classification.
	 * @param prefix property prefix, {@code chaos.expect}
	 * @param expect the bound values, or {@code null} for none
	 * @return the classes by dependency name
	 */
	static ChaosSpec.ExpectSpec expect(String prefix, ChaosProperties.@Nullable Expect expect) {
		if (expect == null) {
			return ChaosSpec.ExpectSpec.NONE;
		}
		Map<String, String> classes = new LinkedHashMap<>();
		add(classes, prefix + ".critical", "critical", expect.getCritical());
		add(classes, prefix + ".degradable", "degradable", expect.getDegradable());
		add(classes, prefix + ".optional", "optional", expect.getOptional());
		return new ChaosSpec.ExpectSpec(classes);
	}

	private static void add(Map<String, String> classes, String property, String kind, List<String> names) {
		if (names.size() > ChangeShape.MAX_ENTRIES) {
			throw new InvalidChaosPropertyException(property, "has more than " + ChangeShape.MAX_ENTRIES + " entries");
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String element = property + "[" + i + "]";
			if (name == null) {
				throw new InvalidChaosPropertyException(element, "must not be null");
			}
			check(element, name);
			String other = classes.putIfAbsent(name, kind);
			if (other != null) {
				throw new InvalidChaosPropertyException(element,
						"'" + name + "' is already expected to be " + other + "; a dependency has one expected class");
			}
		}
	}

	private static void check(String property, String name) {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidChaosPropertyException(property,
					"'" + SpecCompiler.abbreviate(name) + "' is not a dependency name: " + RULE);
		}
	}

}
