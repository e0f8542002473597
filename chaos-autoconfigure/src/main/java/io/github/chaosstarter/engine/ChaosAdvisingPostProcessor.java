package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
class ChaosAdvisingPostProcessor extends ProxyProcessorSupport implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ChaosAdvisingPostProcessor.class);

	private static final long serialVersionUID = 1L;

	private static final @Nullable Class<?> SPRING_DATA_REPOSITORY = resolve(
			"org.springframework.data.repository.Repository");

	/**
	 * The top-level packages of Spring's own projects: their classes are infrastructure,
	 * never attacked. Listed one by one, so that an application whose own package lies
	 * under {@code org.springframework} (the Spring samples) is watched like any other.
	 */
	private static final Set<String> SPRING_PACKAGES = Set.of("aop", "aot", "asm", "beans", "boot", "cache", "cglib",
			"context", "core", "dao", "ejb", "expression", "format", "http", "instrument", "jca", "jdbc", "jms", "jmx",
			"jndi", "lang", "mail", "messaging", "mock", "objenesis", "orm", "oxm", "r2dbc", "remoting", "resilience",
			"scheduling", "scripting", "stereotype", "test", "transaction", "ui", "util", "validation", "web", "data",
			"security", "cloud", "kafka", "amqp", "integration", "batch", "session", "graphql", "ws", "retry",
			"hateoas", "restdocs", "shell", "statemachine", "vault", "ldap", "modulith", "ai", "pulsar", "grpc");

	/**
	 * The starter's own packages: matched by package, not by jar, because a shaded jar
	 * puts the application's classes beside ours.
	 */
	static final Set<String> OWN_PACKAGES = Set.of("io.github.chaosstarter", "io.github.chaosstarter.config",
			"io.github.chaosstarter.endpoint", "io.github.chaosstarter.engine", "io.github.chaosstarter.metrics",
			"io.github.chaosstarter.report", "io.github.chaosstarter.web", "io.github.chaosstarter.web.client");

	/** How many beans of unwatched kinds are remembered, to explain targets. */
	private static final int MAX_UNWATCHED = 1000;

	private final transient ChaosStateHolder holder;

	private final Set<BeanKind> watchedKinds;

	private final List<BeanInfo> watched = new CopyOnWriteArrayList<>();

	private final Map<String, Unwatched> unwatched = new ConcurrentHashMap<>();

	/**
	 * Create a new instance.
	 * @param holder the holder of the current state, shared with the runtime
	 * @param watchedKinds the kinds that get advice
	 */
	ChaosAdvisingPostProcessor(ChaosStateHolder holder, Set<BeanKind> watchedKinds) {
		this.holder = holder;
		this.watchedKinds = Set.copyOf(watchedKinds);
		setOrder(Ordered.LOWEST_PRECEDENCE);
		setProxyTargetClass(true);
	}

	/**
	 * Return the beans that got the chaos advice so far.
	 */
	List<BeanInfo> watched() {
		return this.watched;
	}

	/**
	 * Return beans of a stereotype that were not watched, with why.
	 */
	Map<String, Unwatched> unwatched() {
		return this.unwatched;
	}

	Set<BeanKind> watchedKinds() {
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
		if (kind == null || (repository == null && isExcluded(type))) {
			return bean;
		}
		if (!this.watchedKinds.contains(kind)) {
			remember(beanName, type,
					"its kind '" + kind.id() + "' is not in chaos.watch.kinds; add it there (read at startup)");
			return bean;
		}
		BeanInfo info = new BeanInfo(beanName, (repository != null) ? repository : type, kind);
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(ChaosPointcut.INSTANCE,
				new ChaosInterceptor(this.holder, info));
		if (bean instanceof Advised advised) {
			if (advised.isFrozen()) {
				logger.debug("Not watching bean '" + beanName + "': its proxy is frozen");
				remember(beanName, type, "its proxy is frozen");
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
			this.watched.add(info);
			return bean;
		}
		if (Modifier.isFinal(type.getModifiers())) {
			logger.debug("Not watching bean '" + beanName + "': class " + type.getName() + " is final");
			remember(beanName, type, "its class is final, so it cannot be proxied");
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.copyFrom(this);
		proxyFactory.addAdvisor(advisor);
		this.watched.add(info);
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
			if (SPRING_DATA_REPOSITORY.isAssignableFrom(candidate) && !isExcluded(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private void remember(String beanName, Class<?> type, String why) {
		if (this.unwatched.size() < MAX_UNWATCHED) {
			this.unwatched.put(beanName, new Unwatched(type, why));
		}
	}

	/**
	 * A bean of a stereotype that gets no advice.
	 *
	 * @param type its user class
	 * @param why why it is not watched, as a user can act on it
	 */
	record Unwatched(Class<?> type, String why) {
	}

	static boolean isExcluded(Class<?> type) {
		String packageName = type.getPackageName();
		if (packageName.startsWith("org.springframework.")) {
			int end = packageName.indexOf('.', "org.springframework.".length());
			String project = packageName.substring("org.springframework.".length(),
					(end < 0) ? packageName.length() : end);
			return SPRING_PACKAGES.contains(project);
		}
		return OWN_PACKAGES.contains(packageName);
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
