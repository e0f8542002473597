package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.util.AntPathMatcher;
import org.springframework.util.PatternMatchUtils;

/**
 * An assault ready to run: its specification, compiled matchers and live counters.
 * Immutable apart from the counters; an assault that a change leaves untouched keeps its
 * instance, and so its counters, across state swaps.
 *
 * @author Chaos Starter team
 */
final class Assault {

	private static final AntPathMatcher CLASS_MATCHER = new AntPathMatcher(".");

	private final AssaultSpec spec;

	private final @Nullable RequestMatcher requestMatcher;

	private final @Nullable ClientMatcher clientMatcher;

	private final String[] dataSources;

	private final String[] statements;

	private final String[] beans;

	private final String[] methods;

	private final String[] cacheNames;

	private final String[] redisKeys;

	private final long maxInjections;

	private final LongAdder matched = new LongAdder();

	private final AtomicLong injected = new AtomicLong();

	private final AtomicLong dryRunHits = new AtomicLong();

	Assault(AssaultSpec spec) {
		this.spec = spec;
		TargetSpec target = spec.target();
		this.requestMatcher = target.hasRequestConditions() ? new RequestMatcher(target) : null;
		this.clientMatcher = target.isClient() ? new ClientMatcher(target.client()) : null;
		this.dataSources = target.jdbc().dataSources().toArray(String[]::new);
		this.statements = target.jdbc().statements().toArray(String[]::new);
		this.cacheNames = target.cache().names().toArray(String[]::new);
		this.redisKeys = target.redis().keys().toArray(String[]::new);
		this.beans = target.beans().toArray(String[]::new);
		this.methods = target.methods().toArray(String[]::new);
		this.maxInjections = (spec.maxInjections() != null) ? spec.maxInjections() : Long.MAX_VALUE;
	}

	AssaultSpec spec() {
		return this.spec;
	}

	String name() {
		return this.spec.name();
	}

	long matched() {
		return this.matched.sum();
	}

	long injected() {
		return this.injected.get();
	}

	long dryRunHits() {
		return this.dryRunHits.get();
	}

	/**
	 * Return the dependency a call at this site reaches: the assault's label wins over
	 * the name the target gives it.
	 */
	ChaosListener.@Nullable Dependency dependency(InjectionSite site) {
		ChaosListener.Dependency own = site.dependency();
		String label = this.spec.dependency();
		if (label == null) {
			return own;
		}
		return new ChaosListener.Dependency(label, (own != null) ? own.type() : "bean");
	}

	/**
	 * Return whether the target's static conditions (kind, bean, class) select the bean.
	 */
	boolean matchesBean(BeanInfo bean) {
		TargetSpec target = this.spec.target();
		if (target.isDependency() || target.requestOnly()) {
			return false;
		}
		if (!target.kinds().isEmpty() && !target.kinds().contains(bean.kind())) {
			return false;
		}
		if (this.beans.length > 0 && !PatternMatchUtils.simpleMatch(this.beans, bean.name())) {
			return false;
		}
		return target.classes().isEmpty() || matchesClass(target.classes(), bean.type());
	}

	/**
	 * Return whether the target names this bean by its name or class (kinds aside): used
	 * to explain why an assault matches nothing.
	 */
	boolean namesBean(String name, Class<?> type) {
		TargetSpec target = this.spec.target();
		if (target.beans().isEmpty() && target.classes().isEmpty()) {
			return false;
		}
		return (this.beans.length == 0 || PatternMatchUtils.simpleMatch(this.beans, name))
				&& (target.classes().isEmpty() || matchesClass(target.classes(), type));
	}

	/**
	 * Match class patterns against the class, its superclasses and every interface they
	 * implement, super-interfaces of interfaces included (a Spring Data repository
	 * interface matches {@code JpaRepository}).
	 */
	static boolean matchesClass(List<String> patterns, Class<?> type) {
		for (String name : typeNames(type)) {
			for (String pattern : patterns) {
				if (CLASS_MATCHER.match(pattern, name)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<String> typeNames(Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>();
		pending.add(type);
		while (!pending.isEmpty()) {
			Class<?> candidate = pending.poll();
			if (candidate == Object.class || !names.add(candidate.getName())) {
				continue;
			}
			if (candidate.getSuperclass() != null) {
				pending.add(candidate.getSuperclass());
			}
			pending.addAll(List.of(candidate.getInterfaces()));
		}
		return names;
	}

	boolean matchesMethod(Method method) {
		return this.methods.length == 0 || PatternMatchUtils.simpleMatch(this.methods, method.getName());
	}

	/**
	 * Check the request conditions of a bean call against the request being served on
	 * this thread. Never matches an actuator endpoint's request.
	 */
	boolean matchesCurrentRequest(Dispatch dispatch) {
		RequestMatcher matcher = this.requestMatcher;
		if (matcher == null) {
			return true;
		}
		RequestFacts request = dispatch.currentRequest();
		return request != null && !request.management() && matcher.matches(request);
	}

	boolean matchesRequest(RequestFacts request) {
		RequestMatcher matcher = this.requestMatcher;
		return matcher != null && !request.management() && matcher.matches(request);
	}

	boolean matchesClient(String method, java.net.URI uri) {
		ClientMatcher matcher = this.clientMatcher;
		return matcher != null && matcher.matches(method, uri);
	}

	/**
	 * Return whether the jdbc conditions select a call to a data source.
	 * @param dataSource the data source's bean name
	 * @param operation {@code connect}, {@code query} or {@code update}
	 * @param sql the statement in lower case with single spaces, or {@code null} for
	 * {@code connect}
	 */
	boolean matchesJdbc(String dataSource, String operation, @Nullable String sql) {
		JdbcSpec jdbc = this.spec.target().jdbc();
		if (!jdbc.selects(operation)) {
			return false;
		}
		if (this.dataSources.length > 0 && !PatternMatchUtils.simpleMatch(this.dataSources, dataSource)) {
			return false;
		}
		if (this.statements.length == 0) {
			return true;
		}
		return sql != null && PatternMatchUtils.simpleMatch(this.statements, sql);
	}

	/**
	 * Return whether the cache conditions select an operation on a cache: a miss effect
	 * selects gets only.
	 * @param cache the cache's name
	 * @param operation {@code get}, {@code put} or {@code evict}
	 */
	boolean matchesCache(String cache, String operation) {
		CacheSpec spec = this.spec.target().cache();
		if (this.spec.effect() instanceof AssaultSpec.MissSpec && !operation.equals("get")) {
			// only a get can miss
			return false;
		}
		return spec.selects(operation)
				&& (this.cacheNames.length == 0 || PatternMatchUtils.simpleMatch(this.cacheNames, cache));
	}

	/**
	 * Return whether the redis conditions select a command.
	 * @param command the upper-case command name
	 * @param key the command's key, or {@code null} when its first argument is none
	 */
	boolean matchesRedis(String command, @Nullable String key) {
		RedisSpec redis = this.spec.target().redis();
		if (!redis.commands().isEmpty() && !redis.commands().contains(command)) {
			return false;
		}
		return this.redisKeys.length == 0 || (key != null && PatternMatchUtils.simpleMatch(this.redisKeys, key));
	}

	/**
	 * Return whether the jdbc conditions may select statements of a data source, so that
	 * its connections must be watched.
	 * @param dataSource the data source's bean name
	 */
	boolean watchesStatements(String dataSource) {
		JdbcSpec jdbc = this.spec.target().jdbc();
		return (jdbc.selects("query") || jdbc.selects("update"))
				&& (this.dataSources.length == 0 || PatternMatchUtils.simpleMatch(this.dataSources, dataSource));
	}

	/**
	 * Decide whether to inject into a call that matches: count the match, draw against
	 * the probability, respect the injection limit. Counts the injection when it happens.
	 * @param random the generator
	 * @param dryRun whether faults are only counted
	 * @return {@code true} to inject (or, in dry-run mode, to count)
	 */
	boolean decide(ChaosRandom random, boolean dryRun) {
		this.matched.increment();
		double probability = this.spec.probability();
		if (probability <= 0.0) {
			return false;
		}
		if (probability < 1.0 && random.nextDouble() >= probability) {
			return false;
		}
		AtomicLong counter = dryRun ? this.dryRunHits : this.injected;
		if (this.maxInjections == Long.MAX_VALUE) {
			counter.incrementAndGet();
			return true;
		}
		long current;
		do {
			current = counter.get();
			if (current >= this.maxInjections) {
				return false;
			}
		}
		while (!counter.compareAndSet(current, current + 1));
		return true;
	}

	@Override
	public String toString() {
		return "Assault '" + name() + "' (" + this.spec.effect().kind() + ")";
	}

}
