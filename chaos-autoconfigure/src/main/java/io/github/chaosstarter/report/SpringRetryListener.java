package io.github.chaosstarter.report;

import java.lang.reflect.Method;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.resilience.retry.MethodRetryEvent;

/**
 * Tells the {@link ResilienceRecorder} about Spring Framework 7 {@code @Retryable} failures:
 * each {@link MethodRetryEvent} is one failed attempt, the last one aborts the retry. Loaded
 * only where the event type exists.
 *
 * @author Chaos Starter team
 */
class SpringRetryListener implements ApplicationListener<MethodRetryEvent> {

	private final ResilienceRecorder recorder;

	SpringRetryListener(ResilienceRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void onApplicationEvent(MethodRetryEvent event) {
		try {
			Method method = event.getMethod();
			Object source = event.getSource();
			Class<?> type = AopUtils.getTargetClass(source);
			String name = Guards.shortName((type != null) ? type : method.getDeclaringClass(), method);
			if (event.isRetryAborted()) {
				this.recorder.retryExhausted(name, event.getFailure());
			}
			else {
				this.recorder.retryAttempt(name, event.getFailure());
			}
		}
		catch (RuntimeException ex) {
			// observation must never change the application's outcome
		}
	}

}
