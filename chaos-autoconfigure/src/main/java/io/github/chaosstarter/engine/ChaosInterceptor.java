package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.ChaosErrorResponseException;

/**
 * The advice on one watched bean. While chaos is off it costs one volatile read and a
 * branch. While chaos is on it matches the call against the assaults of the current
 * state, using per-bean and per-method plans computed once per state version. Blocking
 * and asynchronous calls are decided per invocation; reactive calls per subscription.
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
		if (methodPlan.returnKind == ReturnKind.MONO || methodPlan.returnKind == ReturnKind.FLUX) {
			// request conditions are read now, while the request is bound to this thread;
			// probability and limits are drawn at each subscription
			long eligible = methodPlan.eligible(state.dispatch());
			if (eligible == 0) {
				return invocation.proceed();
			}
			return Faults.reactive(methodPlan.returnKind, () -> decideLater(state, methodPlan, eligible), invocation);
		}
		Strike strike = Strike.decide(state, methodPlan.assaults, methodPlan);
		if (strike == null) {
			return invocation.proceed();
		}
		return (methodPlan.returnKind == ReturnKind.COMPLETION_STAGE) ? Faults.completionStage(strike, invocation)
				: Faults.blocking(strike, invocation);
	}

	private @Nullable Strike decideLater(ChaosState assembled, MethodPlan plan, long eligible) {
		// a change since the call was assembled (a halt above all) stops the fault
		if (this.holder.current() != assembled) {
			return null;
		}
		return Strike.decide(assembled, plan.assaults, new Eligible(plan, eligible));
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
			this.target = bean.shortName(method);
			List<Assault> matching = new ArrayList<>();
			for (Assault assault : candidates) {
				if (assault.matchesMethod(method)) {
					matching.add(assault);
				}
			}
			this.assaults = matching.toArray(new Assault[0]);
			this.returnKind = ReturnKind.of(method);
		}

		/**
		 * Return a bit per assault whose request conditions the current call meets.
		 */
		long eligible(Dispatch dispatch) {
			long bits = 0;
			for (int i = 0; i < this.assaults.length; i++) {
				if (this.assaults[i].matchesCurrentRequest(dispatch)) {
					bits |= 1L << i;
				}
			}
			return bits;
		}

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return assault.matchesCurrentRequest(dispatch);
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			if (effect instanceof AssaultSpec.ExceptionSpec exception) {
				return ExceptionFactory.create(assault.name(), exception, this.method,
						this.returnKind != ReturnKind.BLOCKING);
			}
			if (effect instanceof AssaultSpec.ErrorResponseSpec response) {
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

	/**
	 * A method's site for one subscription, with the request conditions read when the
	 * call was assembled.
	 */
	private record Eligible(MethodPlan plan, long bits) implements InjectionSite {

		@Override
		public boolean matches(int index, Assault assault, Dispatch dispatch) {
			return (this.bits & (1L << index)) != 0;
		}

		@Override
		public @Nullable Throwable failure(Assault assault, AssaultSpec.EffectSpec effect) {
			return this.plan.failure(assault, effect);
		}

		@Override
		public String target() {
			return this.plan.target;
		}

		@Override
		public BeanInfo bean() {
			return this.plan.bean;
		}

		@Override
		public Method method() {
			return this.plan.method;
		}

	}

}
