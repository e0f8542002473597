package io.github.chaosstarter.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.AssaultSpec.ErrorResponseSpec;
import io.github.chaosstarter.engine.AssaultSpec.ExceptionSpec;
import io.github.chaosstarter.engine.AssaultSpec.LatencySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ChangeBinder}: binding, merging and validation of changes without a
 * web server.
 */
class ChangeBinderTests {

	private final TestRuntime test = new TestRuntime();

	private final ChaosRuntime runtime = this.test.runtime;

	@Test
	void assaultIsBoundFromKebabCaseNames() {
		ChaosState state = apply(assaults("slow", Map.of("target", Map.of("beans", List.of("stockRepository")),
				"latency", Map.of("min", "200ms", "max", "1s"), "max-injections", 3)));
		assertThat(state.spec().assaults().get("slow").effect())
			.isEqualTo(new LatencySpec(Duration.ofMillis(200), Duration.ofSeconds(1)));
		assertThat(state.spec().assaults().get("slow").maxInjections()).isEqualTo(3L);
		assertThat(state.spec().assaults().get("slow").target().beans()).containsExactly("stockRepository");
	}

	@Test
	void assaultIsBoundFromCamelCaseNames() {
		ChaosState state = apply(assaults("busy",
				Map.of("errorResponse", Map.of("status", 503, "retryAfter", "30s"), "maxInjections", "2")));
		assertThat(state.spec().assaults().get("busy").effect())
			.isEqualTo(new ErrorResponseSpec(503, Duration.ofSeconds(30)));
		assertThat(state.spec().assaults().get("busy").maxInjections()).isEqualTo(2L);
	}

	@Test
	void effectGivenAsEmptyObjectUsesItsDefaults() {
		ChaosState state = apply(
				assaults("plain", Map.of("exception", Map.of()), "busy", Map.of("error-response", Map.of())));
		assertThat(state.spec().assaults().get("plain").effect())
			.isEqualTo(new ExceptionSpec(io.github.chaosstarter.ChaosException.class, "injected failure"));
		assertThat(state.spec().assaults().get("busy").effect()).isEqualTo(new ErrorResponseSpec(503, null));
	}

	@Test
	void latencyGivenAsEmptyObjectStillNeedsADelay() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> apply(assaults("slow", Map.of("latency", Map.of()))))
			.withMessageContaining("chaos.assaults.slow.latency.min");
	}

	@Test
	void headersKeepTheirNames() {
		ChaosState state = apply(assaults("header", Map.of("target",
				Map.of("http", Map.of("headers", Map.of("X-Chaos", "on"))), "exception", Map.of("message", "m"))));
		assertThat(state.spec().assaults().get("header").target().http().headers()).containsEntry("X-Chaos", "on");
	}

	@Test
	void topLevelValuesNotGivenStay() {
		apply(request(true, "2s", true, 42, Map.of("max-error-rate", 0.5), null));
		ChaosState state = apply(request(null, null, false, null, Map.of("window", "10s"), null));
		ChaosSpec spec = state.spec();
		assertThat(spec.enabled()).isTrue();
		assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(spec.dryRun()).isFalse();
		assertThat(spec.seed()).isEqualTo(42L);
		assertThat(spec.guard().maxErrorRate()).isEqualTo(0.5);
		assertThat(spec.guard().window()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void assaultGivenReplacesAndNullRemovesAndOthersStay() {
		apply(assaults("a", exception("first"), "b", exception("b")));
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("a", exception("second"));
		change.put("b", null);
		change.put("c", exception("c"));
		ChaosState state = apply(request(null, null, null, null, null, change));
		assertThat(state.spec().assaults()).containsOnlyKeys("a", "c");
		assertThat(((ExceptionSpec) state.spec().assaults().get("a").effect()).message()).isEqualTo("second");
	}

	@Test
	void unknownKeyInAssaultIsRefused() {
		assertInvalid(assaults("x", Map.of("probabilty", 0.5, "exception", Map.of("message", "m"))),
				"chaos.assaults.x.probabilty");
	}

	@Test
	void unknownNestedKeyIsRefused() {
		assertInvalid(
				assaults("x", Map.of("target", Map.of("bean", List.of("a")), "exception", Map.of("message", "m"))),
				"chaos.assaults.x.target.bean");
	}

	@Test
	void invalidProbabilityIsRefusedWithItsName() {
		assertInvalid(assaults("x", Map.of("probability", 1.5, "exception", Map.of("message", "m"))),
				"chaos.assaults.x.probability");
	}

	@Test
	void wrongTypeIsRefusedWithItsName() {
		assertInvalid(assaults("x", Map.of("probability", "often", "exception", Map.of("message", "m"))),
				"chaos.assaults.x.probability");
	}

	@Test
	void hugeNumberIsRefused() {
		assertInvalid(assaults("x", Map.of("max-injections", new java.math.BigInteger("123456789012345678901234567890"),
				"exception", Map.of("message", "m"))), "chaos.assaults.x.max-injections");
		assertInvalid(request(null, null, null, 1e300, null, null), "chaos.seed");
	}

	@Test
	void nonObjectAssaultIsRefused() {
		assertInvalid(request(null, null, null, null, null, Map.of("x", 5)), "chaos.assaults.x");
		assertInvalid(request(null, null, null, null, null, List.of(1)), "chaos.assaults");
	}

	@Test
	void deeplyNestedJunkIsRefused() {
		Object junk = "end";
		for (int i = 0; i < 100; i++) {
			junk = Map.of("target", junk);
		}
		assertInvalid(assaults("x", (Map<?, ?>) junk), "chaos.assaults.x.target.target");
	}

	@Test
	void objectWhereSingleValueBelongsIsRefused() {
		assertInvalid(request(Map.of("a", 1), null, null, null, null, null), "chaos.enabled");
		assertInvalid(assaults("x", Map.of("target", "everything", "exception", Map.of("message", "m"))),
				"chaos.assaults.x.target");
	}

	@Test
	void wrongTopLevelValuesAreRefused() {
		assertInvalid(request("maybe", null, null, null, null, null), "chaos.enabled");
		assertInvalid(request(null, "soon", null, null, null, null), "chaos.duration");
		assertInvalid(request(null, "-1s", null, null, null, null), "chaos.duration");
		assertInvalid(request(null, null, null, null, Map.of("max-error-rate", 3), null), "chaos.guard.max-error-rate");
	}

	@Test
	void emptyChangeIsRefused() {
		assertInvalid(request(null, null, null, null, null, null), "chaos");
	}

	@Test
	void oneInvalidAssaultChangesNothing() {
		ChaosState before = this.runtime.current();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("good", exception("good"));
		change.put("bad", Map.of("probability", 2, "exception", Map.of("message", "m")));
		assertInvalid(request(true, null, null, null, null, change), "chaos.assaults.bad.probability");
		assertThat(this.runtime.current()).isSameAs(before);
	}

	@Test
	void killIsRefusedWithoutAllowKill() {
		assertThatExceptionOfType(InvalidChaosPropertyException.class)
			.isThrownBy(() -> apply(assaults("stop", Map.of("kill", Map.of("mode", "graceful")))))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chaos.assaults.stop.kill"))
			.withMessageContaining("chaos.allow-kill=true");
	}

	@Test
	void killIsAcceptedWhenTheApplicationAllowsIt() {
		ChaosState state = apply(new TestRuntime(new ChaosProperties(), true),
				assaults("stop", Map.of("kill", Map.of("mode", "abrupt", "exit-code", 3))));
		assertThat(state.spec().assaults().get("stop").effect().kind()).isEqualTo("kill");
	}

	@Test
	void invalidAssaultNameIsRefused() {
		assertInvalid(assaults("a.b", exception("m")), "chaos.assaults.a.b");
	}

	private ChaosState apply(Map<String, Object> request) {
		return apply(this.test, request);
	}

	private static ChaosState apply(TestRuntime test, Map<String, Object> request) {
		ChangeBinder binder = test.binder();
		return test.runtime.update((current) -> binder.merge(current, request), "test", "test");
	}

	private void assertInvalid(Map<String, Object> request, String property) {
		ChaosState before = this.runtime.current();
		assertThatExceptionOfType(InvalidChaosPropertyException.class).isThrownBy(() -> apply(request))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property));
		assertThat(this.runtime.current()).isSameAs(before);
	}

	private static Map<String, Object> exception(String message) {
		return Map.of("exception", Map.of("type", "java.lang.IllegalStateException", "message", message));
	}

	private static Map<String, Object> assaults(Object... namesAndValues) {
		Map<String, Object> assaults = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			assaults.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return request(null, null, null, null, null, assaults);
	}

	private static Map<String, Object> request(Object enabled, Object duration, Object dryRun, Object seed,
			Object guard, Object assaults) {
		Map<String, Object> values = new LinkedHashMap<>();
		String[] names = { "enabled", "duration", "dry-run", "seed", "guard", "assaults" };
		Object[] given = { enabled, duration, dryRun, seed, guard, assaults };
		for (int i = 0; i < names.length; i++) {
			if (given[i] != null) {
				values.put(names[i], given[i]);
			}
		}
		return values;
	}

}
