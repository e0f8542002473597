package io.github.chaosstarter.benchmarks.cache;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheInterceptor;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.CacheableOperation;
import org.springframework.cache.interceptor.SimpleCacheResolver;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.benchmarks.app.BenchmarkApplication;

/**
 * What Spring's caching aspect does for every call of a {@code @Cacheable} method that
 * hits: resolve the method's caches, then {@code Cache.get} on a warm Caffeine cache. (n)
 * with the application's resolver itself, a {@code SimpleCacheResolver} on the
 * {@code CacheManager}; (o) with the resolver Chaos Starter installed in the aspect,
 * chaos off; (p) the same, chaos on with an assault on something else (an outbound client
 * call); (q) chaos on with a cache assault on another cache, so that the resolved cache
 * is decorated and asks the engine on its get.
 *
 * @author Chaos Starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheResolveBenchmark {

	@Param({ "n_undecorated", "o_decoratedChaosOff", "p_decoratedChaosOnElsewhere", "q_cacheAssaultOnOtherCache" })
	public String variant = "n_undecorated";

	private ConfigurableApplicationContext context;

	private CacheResolver resolver;

	private final Context invocation = new Context();

	@Setup(Level.Trial)
	public void start() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.autoconfigure.exclude", String.join(",", BenchmarkApplication.CHAOS_MONKEY));
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "error");
		properties.put("spring.cache.type", "caffeine");
		properties.put("spring.cache.cache-names", "prices,rates");
		this.context = new SpringApplicationBuilder(CachingApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		CacheManager cacheManager = this.context.getBean(CacheManager.class);
		cacheManager.getCache("prices").put("17", "1.99");
		CacheResolver installed = this.context.getBean(CacheInterceptor.class).getCacheResolver();
		this.resolver = this.variant.startsWith("n_") ? new SimpleCacheResolver(cacheManager) : installed;
		if (!this.variant.startsWith("n_") && installed instanceof SimpleCacheResolver) {
			throw new IllegalStateException("Variant " + this.variant + " is not decorated");
		}
		Chaos chaos = this.context.getBean(Chaos.class);
		if (this.variant.startsWith("p_")) {
			chaos.assault("elsewhere")
				.target((target) -> target.client((client) -> client.hosts("payments.example.com")))
				.exception()
				.apply();
			chaos.enable();
		}
		if (this.variant.startsWith("q_")) {
			chaos.assault("rates-down")
				.target((target) -> target.cache((cache) -> cache.names("rates")))
				.exception(IllegalStateException.class, "rates down")
				.apply();
			chaos.enable();
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void resolveAndGet(Blackhole blackhole) {
		Collection<? extends Cache> caches = this.resolver.resolveCaches(this.invocation);
		for (Cache cache : caches) {
			blackhole.consume(cache.get("17"));
		}
	}

	/**
	 * Start every variant once and read the cached value: a smoke check without JMH.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		for (String variant : List.of("n_undecorated", "o_decoratedChaosOff", "p_decoratedChaosOnElsewhere",
				"q_cacheAssaultOnOtherCache")) {
			CacheResolveBenchmark benchmark = new CacheResolveBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			Cache cache = benchmark.resolver.resolveCaches(benchmark.invocation).iterator().next();
			System.out.println(variant + ": " + cache.getClass().getSimpleName() + " " + cache.get("17").get());
			benchmark.stop();
		}
	}

	/**
	 * The invocation of a {@code @Cacheable("prices")} method, as the aspect describes it
	 * to the resolver.
	 */
	static final class Context implements CacheOperationInvocationContext<CacheableOperation> {

		private static final Method METHOD = method();

		private final CacheableOperation operation;

		private final Object[] args = { "17" };

		Context() {
			CacheableOperation.Builder builder = new CacheableOperation.Builder();
			builder.setName("price");
			builder.setCacheName("prices");
			this.operation = builder.build();
		}

		@Override
		public CacheableOperation getOperation() {
			return this.operation;
		}

		@Override
		public Object getTarget() {
			return this;
		}

		@Override
		public Method getMethod() {
			return METHOD;
		}

		@Override
		public Object[] getArgs() {
			return this.args;
		}

		private static Method method() {
			try {
				return Object.class.getMethod("toString");
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Caching on, a Caffeine cache manager from Boot, Chaos Starter.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableCaching
	static class CachingApplication {

	}

}
