package io.github.chaosstarter.web;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec.TargetSpec;
import io.github.chaosstarter.runtime.RequestCondition;
import io.github.chaosstarter.runtime.RequestConditionFactory;

/**
 * Builds request conditions that read the inbound request of the current thread: the view
 * bound by the starter's filters, else the stack's own thread-bound request (Spring MVC's
 * {@code RequestContextHolder}).
 * <p>
 * A request-only target (http or principal conditions, no bean conditions) is evaluated
 * once per request by the starter's request filter, never again by advised bean calls in
 * the same request, so a fault is not injected twice.
 *
 * @author Chaos Starter team
 */
public class ChaosRequestConditionFactory implements RequestConditionFactory {

	private final Supplier<@Nullable RequestView> threadBoundRequest;

	ChaosRequestConditionFactory(Supplier<@Nullable RequestView> threadBoundRequest) {
		this.threadBoundRequest = threadBoundRequest;
	}

	@Override
	public RequestCondition create(TargetSpec target) {
		RequestMatcher matcher = new RequestMatcher(target);
		boolean requestOnly = !target.hasBeanConditions();
		return () -> {
			try {
				RequestView request = CurrentRequest.get();
				if (request == null) {
					request = this.threadBoundRequest.get();
				}
				if (request == null || (requestOnly && !request.filterPass()) || request.management()) {
					return false;
				}
				return matcher.matches(request);
			}
			catch (RuntimeException ex) {
				return false;
			}
		};
	}

}
