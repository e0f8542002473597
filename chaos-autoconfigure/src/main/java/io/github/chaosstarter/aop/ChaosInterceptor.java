package io.github.chaosstarter.aop;

import java.lang.reflect.Method;
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
import io.github.chaosstarter.effect.ExceptionFactory;
import io.github.chaosstarter.effect.Faults;
import io.github.chaosstarter.effect.ReturnKind;
import io.github.chaosstarter.runtime.Assault;
import io.github.chaosstarter.runtime.ChaosRuntime;
import io.github.chaosstarter.runtime.ChaosState;
import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.runtime.InjectionSite;
import io.github.chaosstarter.runtime.Strike;
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
		MethodPlan methodPlan = beanPlan.forMethod(invocation.getMethod(), this.bean);
		if (methodPlan.assaults.length == 0) {
			return invocation.proceed();
		}
		Strike strike = Strike.decide(state, methodPlan.assaults, methodPlan, this.holder.runtime());
		if (strike == null) {
			return invocation.proceed();
		}
		KillSpec kill = strike.kill();
		if (kill != null) {
			ChaosRuntime runtime = this.holder.runtime();
			if (runtime != null) {
				runtime.kill(strike.terminal().name(), kill);
			}
		}
		else if (strike.failure() != null) {
			return Faults.fail(methodPlan.returnKind, strike.delayNanos(), strike.failure());
		}
		return (strike.delayNanos() > 0) ? Faults.delay(methodPlan.returnKind, strike.delayNanos(), invocation)
				: invocation.proceed();
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

		MethodPlan forMethod(Method method, BeanInfo bean) {
			MethodPlan plan = this.methods.get(method);
			if (plan == null) {
				plan = this.methods.computeIfAbsent(method, (key) -> new MethodPlan(key, bean, this.candidates));
			}
			return plan;
		}

	}

	/**
	 * The assaults that select one method, how the method returns, and how faults are
	 * made for it: the {@link InjectionSite} of every call of the method.
	 */
	private static final class MethodPlan implements InjectionSite {

		final Method method;

		final BeanInfo bean;

		final String target;

		final Assault[] assaults;

		final ReturnKind returnKind;

		MethodPlan(Method method, BeanInfo bean, Assault[] candidates) {
			this.method = method;
			this.bean = bean;
			this.target = bean.shortName(method.getName());
			List<Assault> matching = new ArrayList<>();
			for (Assault assault : candidates) {
				if (assault.matchesMethod(method)) {
					matching.add(assault);
				}
			}
			this.assaults = matching.toArray(new Assault[0]);
			this.returnKind = ReturnKind.of(method);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, EffectSpec effect) {
			if (effect instanceof ExceptionSpec exception) {
				return ExceptionFactory.create(assault.name(), exception, this.method,
						this.returnKind != ReturnKind.BLOCKING);
			}
			if (effect instanceof ErrorResponseSpec response) {
				return new ChaosErrorResponseException(assault.name(), response.status(), response.retryAfter());
			}
			return null;
		}

		@Override
		public String target() {
			return this.target;
		}

		@Override
		public BeanInfo bean() {
			return this.bean;
		}

		@Override
		public Method method() {
			return this.method;
		}

	}

}
