package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.engine.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.engine.AssaultSpec.KillSpec;
import io.github.chaosstarter.engine.AssaultSpec.LatencySpec;
import io.github.chaosstarter.scenarios.startup.fixture.NoUsableConstructorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests for {@link SpecCompiler}: properties as a user writes them in
 * {@code application.yml} are bound and compiled, without an application context.
 */
class SpecCompilerTests {

	private final SpecCompiler compiler = compiler(false);

	@Test
	void compilesAnExceptionAssaultWithItsTarget() {
		ChaosSpec spec = compile("chaos.enabled=true", "chaos.seed=7", "chaos.assaults.boom.probability=0.25",
				"chaos.assaults.boom.max-injections=3", "chaos.assaults.boom.target.kinds=repository",
				"chaos.assaults.boom.target.methods=find*",
				"chaos.assaults.boom.exception.type=java.lang.IllegalStateException",
				"chaos.assaults.boom.exception.message=disk gone");
		assertThat(spec.enabled()).isTrue();
		assertThat(spec.seed()).isEqualTo(7L);
		AssaultSpec boom = spec.assaults().get("boom");
		assertThat(boom.probability()).isEqualTo(0.25);
		assertThat(boom.maxInjections()).isEqualTo(3L);
		assertThat(boom.target().kinds()).containsExactly(BeanKind.REPOSITORY);
		assertThat(boom.target().methods()).containsExactly("find*");
		assertThat(boom.effect()).isEqualTo(new ExceptionSpec(IllegalStateException.class, "disk gone"));
	}

	@Test
	void latencyWithOnlyAMinimumIsFixed() {
		AssaultSpec slow = compile("chaos.assaults.slow.latency.min=250ms").assaults().get("slow");
		assertThat(slow.effect()).isEqualTo(new LatencySpec(Duration.ofMillis(250), Duration.ofMillis(250)));
	}

	@Test
	void errorResponseKeepsStatusAndRetryAfter() {
		AssaultSpec busy = compile("chaos.assaults.busy.error-response.status=503",
				"chaos.assaults.busy.error-response.retry-after=30s", "chaos.assaults.busy.target.http.paths=/api/**")
			.assaults()
			.get("busy");
		assertThat(busy.effect()).isEqualTo(new ErrorResponseSpec(503, Duration.ofSeconds(30)));
		assertThat(busy.target().hasRequestConditions()).isTrue();
	}

	@Test
	void killNeedsAllowKill() {
		assertInvalid("chaos.assaults.stop.kill", "allow-kill", "chaos.assaults.stop.kill.mode=abrupt");
		ChaosSpec spec = compile(compiler(true), "chaos.assaults.stop.kill.mode=abrupt",
				"chaos.assaults.stop.kill.exit-code=3");
		assertThat(spec.assaults().get("stop").effect()).isEqualTo(new KillSpec(true, 3));
	}

	@Test
	void unavailableMakesADependencyUnreachableAndNeedsADependencyTarget() {
		ChaosSpec spec = compile("chaos.assaults.down.target.client.hosts=payments.internal",
				"chaos.assaults.down.unavailable.immediately=false");
		assertThat(spec.assaults().get("down").effect()).isEqualTo(new AssaultSpec.UnavailableSpec(false));
		assertInvalid("chaos.assaults.down.unavailable", "needs a client, jdbc, cache, redis, kafka",
				"chaos.assaults.down.target.kinds=service", "chaos.assaults.down.unavailable.immediately=true");
		assertInvalid("chaos.assaults.down.unavailable", "needs a client, jdbc, cache, redis, kafka",
				"chaos.assaults.down.target.http.paths=/api/**", "chaos.assaults.down.unavailable.immediately=true");
		assertInvalid("chaos.assaults.down.target.jdbc.operations", "needs the connect operation",
				"chaos.assaults.down.target.jdbc.operations=query", "chaos.assaults.down.unavailable.immediately=true");
		assertInvalid("chaos.assaults.down.target.jdbc", "cannot be combined",
				"chaos.assaults.down.target.jdbc.data-sources=dataSource", "chaos.assaults.down.target.kinds=service",
				"chaos.assaults.down.unavailable.immediately=true");
		assertInvalid("chaos.assaults.down.target.jdbc.operations[0]", "unknown operation 'select'",
				"chaos.assaults.down.target.jdbc.operations=select", "chaos.assaults.down.latency.min=1ms");
		assertInvalid("chaos.assaults.down.target.jdbc.statements", "operations names only connect",
				"chaos.assaults.down.target.jdbc.operations=connect", "chaos.assaults.down.target.jdbc.statements=x*",
				"chaos.assaults.down.latency.min=1ms");
		assertInvalid("chaos.assaults.down.error-response", "cannot target data source calls",
				"chaos.assaults.down.target.jdbc.operations=query", "chaos.assaults.down.error-response.status=503");
		assertInvalid("chaos.assaults.down.pool-exhaustion", "needs a jdbc target",
				"chaos.assaults.down.target.kinds=service", "chaos.assaults.down.pool-exhaustion.connections=all");
		assertInvalid("chaos.assaults.down.target.jdbc", "without operations or statements",
				"chaos.assaults.down.target.jdbc.operations=query",
				"chaos.assaults.down.pool-exhaustion.connections=all");
		assertInvalid("chaos.assaults.down.pool-exhaustion.connections", "'all' or a number",
				"chaos.assaults.down.target.jdbc.data-sources=dataSource",
				"chaos.assaults.down.pool-exhaustion.connections=most");
		assertInvalid("chaos.assaults.down.probability", "applied once",
				"chaos.assaults.down.target.jdbc.data-sources=dataSource",
				"chaos.assaults.down.pool-exhaustion.connections=2", "chaos.assaults.down.probability=0.5");
		assertInvalid("chaos.assaults.down.pool-exhaustion.hold", "must be positive",
				"chaos.assaults.down.target.jdbc.data-sources=dataSource",
				"chaos.assaults.down.pool-exhaustion.hold=0s");
		assertInvalid("chaos.assaults.down.unavailable", "exactly one effect",
				"chaos.assaults.down.target.client.hosts=payments.internal",
				"chaos.assaults.down.unavailable.immediately=true", "chaos.assaults.down.exception.message=x");
	}

	@Test
	void dependencyLabelsAndExpectedClassesNameDependencies() {
		ChaosSpec spec = compile("chaos.assaults.down.target.client.hosts=payments.internal",
				"chaos.assaults.down.dependency=payments", "chaos.assaults.down.unavailable.immediately=true",
				"chaos.expect.critical=jdbc:dataSource", "chaos.expect.degradable=payments,cache:prices");
		assertThat(spec.assaults().get("down").dependency()).isEqualTo("payments");
		assertThat(spec.expect().classes()).containsExactly(Map.entry("jdbc:dataSource", "critical"),
				Map.entry("payments", "degradable"), Map.entry("cache:prices", "degradable"));
		assertThat(compile("chaos.enabled=true").expect()).isEqualTo(ChaosSpec.ExpectSpec.NONE);
		assertInvalid("chaos.assaults.down.dependency", "inbound requests, which are not one",
				"chaos.assaults.down.target.http.paths=/api/**", "chaos.assaults.down.dependency=payments",
				"chaos.assaults.down.error-response.status=503");
		assertInvalid("chaos.assaults.down.dependency", "is not a dependency name",
				"chaos.assaults.down.target.kinds=service", "chaos.assaults.down.dependency=pay ments",
				"chaos.assaults.down.latency.min=1ms");
		assertInvalid("chaos.expect.optional[1]", "'payments' is already expected to be critical",
				"chaos.expect.critical=payments", "chaos.expect.optional=audit,payments");
	}

	@Test
	void assaultsKeepTheirConfiguredOrder() {
		ChaosSpec spec = compile("chaos.assaults.zeta.latency.min=1ms", "chaos.assaults.alpha.latency.min=1ms",
				"chaos.assaults.mid.latency.min=1ms");
		assertThat(spec.assaults()).containsOnlyKeys("zeta", "alpha", "mid");
	}

	@Test
	void theNameRuleHoldsAtStartupAsAtRuntime() {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		assault.setLatency(new ChaosProperties.Latency());
		assault.getLatency().setMin(Duration.ofMillis(1));
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> this.compiler.assault("no spaces", assault))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chaos.assaults.no spaces"));
		assertThat(this.compiler.assault("ok-name_1", assault).name()).isEqualTo("ok-name_1");
	}

	@Test
	void eachInvalidValueIsReportedByItsFullPropertyName() {
		assertInvalid("chaos.assaults.a.probability", "between 0.0 and 1.0", "chaos.assaults.a.probability=1.5",
				"chaos.assaults.a.latency.min=1ms");
		assertInvalid("chaos.assaults.a.max-injections", "must not be negative", "chaos.assaults.a.max-injections=-1",
				"chaos.assaults.a.latency.min=1ms");
		assertInvalid("chaos.assaults.a.latency.min", "max", "chaos.assaults.a.latency.min=2s",
				"chaos.assaults.a.latency.max=1s");
		assertInvalid("chaos.assaults.a.latency.max", "1h", "chaos.assaults.a.latency.max=2h");
		assertInvalid("chaos.assaults.a.latency.min", "must not exceed 1h but was 99999h",
				"chaos.assaults.a.latency.min=99999h");
		assertInvalid("chaos.assaults.a.error-response.status", "400", "chaos.assaults.a.error-response.status=302");
		assertInvalid("chaos.assaults.a.exception.type", "no public constructor",
				"chaos.assaults.a.exception.type=" + NoUsableConstructorException.class.getName());
		assertInvalid("chaos.assaults.a.target.kinds[0]", "unknown kind", "chaos.assaults.a.target.kinds=widget",
				"chaos.assaults.a.latency.min=1ms");
		assertInvalid("chaos.duration", "30d", "chaos.duration=31d");
		assertInvalid("chaos.guard.window", "positive", "chaos.guard.window=0s");
		assertInvalid("chaos.guard.max-error-rate", "between 0.0 and 1.0", "chaos.guard.max-error-rate=2");
	}

	@Test
	void anAssaultNeedsExactlyOneEffect() {
		assertInvalid("chaos.assaults.a", "effect", "chaos.assaults.a.probability=0.5");
		assertInvalid("chaos.assaults.a.latency", "exception", "chaos.assaults.a.latency.min=1ms",
				"chaos.assaults.a.exception.message=x");
	}

	@Test
	void aClientTargetCannotBeCombinedWithBeanConditions() {
		assertInvalid("chaos.assaults.a.target.client", "", "chaos.assaults.a.target.client.hosts=api.example.com",
				"chaos.assaults.a.target.kinds=service", "chaos.assaults.a.latency.min=1ms");
	}

	@Test
	void cacheTargetsTakeMissOnGetsAndRefuseWhatACacheCannotDo() {
		ChaosSpec spec = compile("chaos.assaults.cold.target.cache.names=prices",
				"chaos.assaults.cold.miss.enabled=true");
		AssaultSpec cold = spec.assaults().get("cold");
		assertThat(cold.effect()).isEqualTo(new AssaultSpec.MissSpec());
		assertThat(cold.target().cache()).isEqualTo(new CacheSpec(List.of("prices"), List.of()));
		assertThat(cold.target().isDependency()).isTrue();
		assertInvalid("chaos.assaults.cold.miss.enabled", "must be true",
				"chaos.assaults.cold.target.cache.names=prices", "chaos.assaults.cold.miss.enabled=false");
		assertInvalid("chaos.assaults.cold.error-response", "cannot target cache operations",
				"chaos.assaults.cold.target.cache.names=prices", "chaos.assaults.cold.error-response.status=503");
		assertInvalid("chaos.assaults.cold.pool-exhaustion", "needs a jdbc target",
				"chaos.assaults.cold.target.cache.names=prices", "chaos.assaults.cold.pool-exhaustion.connections=1");
		assertInvalid("chaos.assaults.cold.target.cache", "cannot be combined",
				"chaos.assaults.cold.target.cache.names=prices", "chaos.assaults.cold.target.jdbc.data-sources=ds",
				"chaos.assaults.cold.miss.enabled=true");
	}

	@Test
	void theInverseMappingCompilesBackToTheSameSpecs() {
		ChaosSpec spec = compile("chaos.enabled=true", "chaos.dry-run=true", "chaos.duration=90s",
				"chaos.guard.max-error-rate=0.5", "chaos.guard.window=10s", "chaos.assaults.boom.probability=0.5",
				"chaos.assaults.boom.target.kinds=service", "chaos.assaults.boom.target.beans=order*",
				"chaos.assaults.boom.exception.type=java.lang.IllegalStateException",
				"chaos.assaults.busy.error-response.status=503", "chaos.assaults.busy.error-response.retry-after=2s",
				"chaos.assaults.busy.target.http.paths=/api/**", "chaos.assaults.busy.target.http.methods=GET",
				"chaos.assaults.busy.target.http.headers.X-Tenant=acme", "chaos.assaults.far.latency.min=10ms",
				"chaos.assaults.far.latency.max=20ms", "chaos.assaults.far.target.client.hosts=*.example.com",
				"chaos.assaults.far.dependency=far", "chaos.expect.critical=far", "chaos.expect.optional=x,y",
				"chaos.assaults.cold.target.cache.names=price*", "chaos.assaults.cold.miss.enabled=true",
				"chaos.assaults.gone.target.cache.names=rates", "chaos.assaults.gone.target.cache.operations=get,put",
				"chaos.assaults.gone.unavailable.immediately=true");
		ChaosProperties settings = SpecProperties.properties(spec);
		assertThat(settings.getAssaults()).as("assaults are written one by one").isEmpty();
		spec.assaults().forEach((name, assault) -> settings.getAssaults().put(name, SpecProperties.assault(assault)));
		assertThat(this.compiler.compile(settings)).isEqualTo(spec);
	}

	@Test
	void durationsAreShownAsAUserWritesThem() {
		assertThat(SpecCompiler.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(SpecCompiler.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(SpecCompiler.format(Duration.ofMinutes(2))).isEqualTo("2m");
		assertThat(SpecCompiler.format(Duration.ofDays(1))).isEqualTo("1d");
		assertThat(SpecCompiler.format(Duration.ofNanos(1_500_000))).isEqualTo("1500us");
		assertThat(SpecCompiler.format(Duration.ofNanos(1))).isEqualTo("1ns");
		for (Duration duration : List.of(Duration.ofNanos(1), Duration.ofNanos(1_000_001), Duration.ofMillis(1500),
				Duration.ofSeconds(90), Duration.ofHours(25), Duration.ofDays(30), Duration.ofSeconds(3, 7))) {
			assertThat(DurationStyle.detectAndParse(SpecCompiler.format(duration))).as("%s", duration)
				.isEqualTo(duration);
		}
	}

	@Test
	void watchedKindsAreParsedAndUnknownOnesNamed() {
		assertThat(SpecCompiler.watchedKinds(List.of("rest-controller", "Service")))
			.isEqualTo(EnumSet.of(BeanKind.REST_CONTROLLER, BeanKind.SERVICE));
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> SpecCompiler.watchedKinds(List.of("service", "dao")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chaos.watch.kinds[1]"));
	}

	private void assertInvalid(String property, String reason, String... pairs) {
		assertThatExceptionOfType(InvalidChaosPropertyException.class).as(String.join(", ", pairs))
			.isThrownBy(() -> compile(pairs))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getMessage()).contains(reason);
			});
	}

	private ChaosSpec compile(String... pairs) {
		return compile(this.compiler, pairs);
	}

	private static ChaosSpec compile(SpecCompiler compiler, String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			map.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		ChaosProperties properties = new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("chaos",
				Bindable.of(ChaosProperties.class));
		return compiler.compile(properties);
	}

	private static SpecCompiler compiler(boolean allowKill) {
		return new SpecCompiler(EnumSet.allOf(BeanKind.class), allowKill,
				new ExceptionTypes(SpecCompilerTests.class.getClassLoader(), List.of("io.github.chaosstarter")));
	}

}
