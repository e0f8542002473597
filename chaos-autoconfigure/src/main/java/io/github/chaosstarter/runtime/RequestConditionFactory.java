package io.github.chaosstarter.runtime;

import io.github.chaosstarter.config.AssaultSpec.TargetSpec;

/**
 * Builds the request condition of a target that has {@code http} or {@code principal}
 * conditions. A web integration contributes one; without it such targets never match.
 *
 * @author Chaos Starter team
 */
@FunctionalInterface
public interface RequestConditionFactory {

	/**
	 * Build the condition.
	 * @param target a target with request conditions
	 * @return the condition
	 */
	RequestCondition create(TargetSpec target);

}
