package io.github.chaosstarter.report;

import java.lang.reflect.Method;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.resilience.retry.MethodRetryEvent;

/**
 * Tells the {@link ResilienceEvents} about Spring Framework 7 {@code @Retryable}
 * failures: each failed attempt publishes a {@link MethodRetryEvent}, and giving up
 * publishes one more, marked aborted. Loaded only where the event type exists.
 *
 * @author Chaos Starter team
 */
class SpringRetryListener implements ApplicationListener<MethodRetryEvent> {

	private final ObjectProvider<ResilienceEvents> recorder;

	SpringRetryListener(ObjectProvider<ResilienceEvents> recorder) {
		this.recorder = recorder;
	}

	@Override
	public void onApplicationEvent(MethodRetryEvent event) {
		ResilienceEvents recorder = this.recorder.getIfAvailable();
		if (recorder == null) {
			return;
		}
		try {
			Method method = event.getMethod();
			Object target = event.getSource().getThis();
			Class<?> type = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
			String name = Guards.shortName(type, method);
			if (event.isRetryAborted()) {
				recorder.springRetryAborted(name, event.getFailure());
			}
			else {
				recorder.retryAttempt(name, event.getFailure());
			}
		}
		catch (RuntimeException ex) {
			// observation must never change the application's outcome
		}
	}

}
