package io.github.chaosstarter.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AdvisedSupport;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.ProxyProcessorSupport;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.github.chaosstarter.runtime.ChaosStateHolder;
import io.github.chaosstarter.target.BeanInfo;
import io.github.chaosstarter.target.BeanKind;

/**
 * Gives every bean of a watched kind the chaos advice, as the <em>innermost</em> advice
 * of its proxy, so that every layer the application wraps around the bean (Resilience4j
 * aspects, Spring Framework's {@code @Retryable}, transactions, Spring Cloud
 * CircuitBreaker callers) sees an injected fault exactly as it would see a real one.
 * <p>
 * This holds by construction, not by order values: auto-proxy creators (which apply
 * Resilience4j's aspects) run before this post-processor, and our advisor is appended to
 * the <em>end</em> of the existing advisor chain. Advising post-processors that run later
 * and add their advisor in front ({@code RetryAnnotationBeanPostProcessor},
 * {@code AsyncAnnotationBeanPostProcessor}) still end up outside. Beans of unwatched
 * kinds are returned untouched: no proxy, no advisor.
 *
 * @author Chaos Starter team
 */
public class ChaosAdvisingPostProcessor extends ProxyProcessorSupport implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ChaosAdvisingPostProcessor.class);

	private static final long serialVersionUID = 1L;

	private static final @Nullable Class<?> SPRING_DATA_REPOSITORY = resolve(
			"org.springframework.data.repository.Repository");

	private static final String[] OWN_PACKAGES = Stream
		.of("aop", "autoconfigure", "config", "control", "effect", "endpoint", "guard", "kill", "metrics", "report",
				"runtime", "target", "web")
		.map((name) -> "io.github.chaosstarter." + name)
		.toArray(String[]::new);

	private final transient ChaosStateHolder holder;

	private final Set<BeanKind> watchedKinds;

	private final AtomicInteger advisedBeans = new AtomicInteger();

	/**
	 * Create a new instance.
	 * @param holder the holder of the current state, shared with the runtime
	 * @param watchedKinds the kinds that get advice
	 */
	public ChaosAdvisingPostProcessor(ChaosStateHolder holder, Set<BeanKind> watchedKinds) {
		this.holder = holder;
		this.watchedKinds = Set.copyOf(watchedKinds);
		setOrder(Ordered.LOWEST_PRECEDENCE);
		setProxyTargetClass(true);
	}

	/**
	 * Return how many beans got the chaos advice so far.
	 * @return the number of watched beans
	 */
	public int advisedBeans() {
		return this.advisedBeans.get();
	}

	/**
	 * Return the kinds that get advice.
	 * @return the watched kinds
	 */
	public Set<BeanKind> watchedKinds() {
		return this.watchedKinds;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.watchedKinds.isEmpty() || bean instanceof AopInfrastructureBean) {
			return bean;
		}
		Class<?> type = AopUtils.getTargetClass(bean);
		Class<?> repository = springDataRepository(bean);
		BeanKind kind = (repository != null) ? BeanKind.REPOSITORY : BeanKind.of(type);
		if (kind == null || !this.watchedKinds.contains(kind) || (repository == null && isExcluded(type))) {
			return bean;
		}
		BeanInfo info = new BeanInfo(beanName, (repository != null) ? repository : type, kind);
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(ChaosPointcut.INSTANCE,
				new ChaosInterceptor(this.holder, info));
		if (bean instanceof Advised advised) {
			if (advised.isFrozen()) {
				logger.debug("Not watching bean '" + beanName + "': its proxy is frozen");
				return bean;
			}
			if (repository != null && !Proxy.isProxyClass(type)) {
				// the Spring Data proxy itself: its last interceptors execute queries
				// without
				// proceeding, so go first; resilience aspects, if any, sit on an outer
				// proxy
				advised.addAdvisor(0, advisor);
			}
			else if (advised.getTargetSource() == AdvisedSupport.EMPTY_TARGET_SOURCE && advised.getAdvisorCount() > 0) {
				// no target: the last advisor produces the result; stay just before it
				advised.addAdvisor(advised.getAdvisorCount() - 1, advisor);
			}
			else {
				advised.addAdvisor(advisor);
			}
			this.advisedBeans.incrementAndGet();
			return bean;
		}
		if (Modifier.isFinal(type.getModifiers())) {
			logger.debug("Not watching bean '" + beanName + "': class " + type.getName() + " is final");
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.copyFrom(this);
		proxyFactory.addAdvisor(advisor);
		this.advisedBeans.incrementAndGet();
		return proxyFactory.getProxy(getProxyClassLoader());
	}

	/**
	 * Return the user's Spring Data repository interface when the bean is a Spring Data
	 * repository (or a proxy around one), else {@code null}.
	 */
	private static @Nullable Class<?> springDataRepository(Object bean) {
		if (SPRING_DATA_REPOSITORY == null || !(bean instanceof Advised advised)) {
			return null;
		}
		for (Class<?> candidate : advised.getProxiedInterfaces()) {
			if (SPRING_DATA_REPOSITORY.isAssignableFrom(candidate)
					&& !candidate.getPackageName().startsWith("org.springframework.")) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean isExcluded(Class<?> type) {
		String packageName = type.getPackageName();
		if (packageName.startsWith("org.springframework.")) {
			return true;
		}
		// our own infrastructure (such as our @ControllerAdvice) is never attacked;
		// matched by
		// package, not by jar, because a shaded jar puts the application's classes beside
		// ours
		for (String own : OWN_PACKAGES) {
			if (packageName.equals(own) || packageName.startsWith(own + ".")) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Class<?> resolve(String name) {
		ClassLoader classLoader = ChaosAdvisingPostProcessor.class.getClassLoader();
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
	}

	/**
	 * Public methods of the bean's own classes; not those of {@code Object}.
	 */
	static final class ChaosPointcut extends StaticMethodMatcherPointcut {

		static final ChaosPointcut INSTANCE = new ChaosPointcut();

		@Override
		public ClassFilter getClassFilter() {
			return ClassFilter.TRUE;
		}

		@Override
		public boolean matches(Method method, @Nullable Class<?> targetClass) {
			return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getDeclaringClass() != Object.class && !ReflectionUtils.isObjectMethod(method);
		}

	}

}
