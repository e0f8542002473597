package io.github.chaosstarter.aop;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.ChaosErrorResponseException;
import io.github.chaosstarter.config.AssaultSpec.EffectSpec;
import io.github.chaosstarter.config.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.config.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.config.AssaultSpec.KillSpec;
import io.github.chaosstarter.config.AssaultSpec.LatencySpec;
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.effect.Faults;
import io.github.chaosstarter.effect.ReturnKind;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRandom;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.Injection;
import io.github.chaosstarter.target.BeanInfo;

/**
 * The advice on one watched bean. While chaos is off it costs one volatile read and a
 * branch. While chaos is on it matches the call against the assaults of the current
 * state, using per-bean and per-method plans that are computed once per state version.
 *
 * @author Chaos Starter team
 */
final class ChaosInterceptor implements MethodInterceptor {

	private final ChaosStateHolder holder;

	private final BeanInfo bean;

	private volatile BeanPlan plan = BeanPlan.NONE;

	ChaosInterceptor(ChaosStateHolder holder, BeanInfo bean) {
		this.holder = holder;
		this.bean = bean;
	}

	BeanInfo bean() {
		return this.bean;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		ChaosState state = this.holder.current();
		if (!state.beanChaos()) {
			return invocation.proceed();
		}
		return attack(state, invocation);
	}

	private @Nullable Object attack(ChaosState state, MethodInvocation invocation) throws Throwable {
		BeanPlan beanPlan = this.plan;
		if (beanPlan.version != state.version()) {
			beanPlan = new BeanPlan(state, this.bean);
			this.plan = beanPlan;
		}
		if (beanPlan.candidates.length == 0) {
			return invocation.proceed();
		}
		MethodPlan methodPlan = beanPlan.forMethod(invocation.getMethod());
		Assault[] assaults = methodPlan.assaults;
		if (assaults.length == 0) {
			return invocation.proceed();
		}
		boolean dryRun = state.spec().dryRun();
		ChaosRandom random = state.random();
		long delayNanos = 0;
		Assault terminal = null;
		Throwable failure = null;
		for (Assault assault : assaults) {
			EffectSpec effect = assault.spec().effect();
			boolean latency = effect instanceof LatencySpec;
			if (terminal != null && !latency) {
				continue;
			}
			if (!assault.select(random, dryRun)) {
				continue;
			}
			if (effect instanceof LatencySpec spec) {
				long delay = random.nextLong(spec.min().toNanos(), spec.max().toNanos());
				delayNanos += delay;
				report(assault, effect, invocation.getMethod(), null, delay, dryRun);
				continue;
			}
			terminal = assault;
			failure = failureFor(assault, effect, methodPlan);
			report(assault, effect, invocation.getMethod(), failure, 0, dryRun);
		}
		if (dryRun || (terminal == null && delayNanos == 0)) {
			return invocation.proceed();
		}
		if (terminal != null && terminal.spec().effect() instanceof KillSpec kill) {
			ChaosRuntime runtime = this.holder.runtime();
			if (runtime != null) {
				runtime.kill(terminal.name(), kill);
			}
			return (delayNanos > 0) ? Faults.delay(methodPlan.returnKind, delayNanos, invocation)
					: invocation.proceed();
		}
		if (failure != null) {
			return Faults.fail(methodPlan.returnKind, delayNanos, failure);
		}
		return Faults.delay(methodPlan.returnKind, delayNanos, invocation);
	}

	private static @Nullable Throwable failureFor(Assault assault, EffectSpec effect, MethodPlan plan) {
		if (effect instanceof ExceptionSpec exception) {
			return ExceptionFactory.create(assault.name(), exception, plan.method,
					plan.returnKind != ReturnKind.BLOCKING);
		}
		if (effect instanceof ErrorResponseSpec response) {
			return new ChaosErrorResponseException(assault.name(), response.status(), response.retryAfter());
		}
		return null;
	}

	private void report(Assault assault, EffectSpec effect, Method method, @Nullable Throwable failure, long delayNanos,
			boolean dryRun) {
		ChaosRuntime runtime = this.holder.runtime();
		if (runtime != null) {
			runtime.fireInjection(new Injection(assault.name(), effect.kind(), this.bean, method,
					this.bean.shortName(method.getName()), failure, delayNanos, dryRun, Instant.now(runtime.clock())));
		}
	}

	/**
	 * The assaults that may select this bean in one state version.
	 */
	private static final class BeanPlan {

		static final BeanPlan NONE = new BeanPlan();

		final long version;

		final Assault[] candidates;

		private final ConcurrentHashMap<Method, MethodPlan> methods = new ConcurrentHashMap<>();

		private BeanPlan() {
			this.version = -1;
			this.candidates = new Assault[0];
		}

		BeanPlan(ChaosState state, BeanInfo bean) {
			this.version = state.version();
			List<Assault> matching = new ArrayList<>();
			for (Assault assault : state.beanAssaults()) {
				if (assault.matchesBean(bean)) {
					matching.add(assault);
				}
			}
			this.candidates = matching.toArray(new Assault[0]);
		}

		MethodPlan forMethod(Method method) {
			MethodPlan plan = this.methods.get(method);
			if (plan == null) {
				plan = this.methods.computeIfAbsent(method, (key) -> new MethodPlan(key, this.candidates));
			}
			return plan;
		}

	}

	/**
	 * The assaults that select one method, and how the method returns.
	 */
	private static final class MethodPlan {

		final Method method;

		final Assault[] assaults;

		final ReturnKind returnKind;

		MethodPlan(Method method, Assault[] candidates) {
			this.method = method;
			List<Assault> matching = new ArrayList<>();
			for (Assault assault : candidates) {
				if (assault.matchesMethod(method)) {
					matching.add(assault);
				}
			}
			this.assaults = matching.toArray(new Assault[0]);
			this.returnKind = ReturnKind.of(method);
		}

	}

}
