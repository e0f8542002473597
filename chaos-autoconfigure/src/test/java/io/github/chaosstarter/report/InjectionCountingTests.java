package io.github.chaosstarter.report;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.github.chaosstarter.engine.ChaosEngine;
import io.github.chaosstarter.engine.ChaosListener.Change;
import io.github.chaosstarter.engine.ChaosListener.Injection;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the recorder counts injections into bean methods: each assault's injections into
 * each method, found again by identity on the hot path and looked up on a miss, add up
 * exactly per assault and per method, overloads apart, however many methods share the
 * recorder's table of recent ones.
 */
class InjectionCountingTests {

	private final ResilienceRecorder recorder = new ResilienceRecorder(Clock.systemUTC(),
			new StaticListableBeanFactory().getBeanProvider(InstanceSettings.class));

	@Test
	void twoAssaultsOnOneMethodAreCountedApartAndTogether() throws Exception {
		start();
		Method trim = String.class.getMethod("trim");
		for (int i = 0; i < 5; i++) {
			inject("down", trim, new IllegalStateException("down"), 0);
		}
		for (int i = 0; i < 3; i++) {
			inject("slow", trim, null, 1_000_000);
		}
		ResilienceReport report = this.recorder.report();
		assertThat(report.injections().byAssault()).isEqualTo(Map.of("down", 5L, "slow", 3L));
		assertThat(report.injections().total()).isEqualTo(8);
		assertThat(report.unprotected()).singleElement().satisfies((method) -> {
			assertThat(method.method()).isEqualTo("String.trim");
			assertThat(method.injectedFailures()).isEqualTo(5);
			assertThat(method.injectedDelays()).isEqualTo(3);
		});
	}

	@Test
	void overloadsAreCountedApart() throws Exception {
		start();
		inject("down", String.class.getMethod("indexOf", int.class), new IllegalStateException(), 0);
		inject("down", String.class.getMethod("indexOf", String.class), new IllegalStateException(), 0);
		inject("down", String.class.getMethod("indexOf", String.class), new IllegalStateException(), 0);
		assertThat(this.recorder.report().unprotected())
			.extracting(UnprotectedReport::method, UnprotectedReport::injectedFailures)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("String.indexOf(String)", 2L),
					org.assertj.core.groups.Tuple.tuple("String.indexOf(int)", 1L));
	}

	@Test
	void manyMethodsSharingTheTableOfRecentOnesAreEachCountedExactly() {
		start();
		List<Method> methods = Arrays.stream(String.class.getMethods())
			.sorted(Comparator.comparing(Method::toGenericString))
			.toList();
		Class<?>[] types = { String.class, StringBuilder.class, Integer.class };
		// more reaches than the table holds: they evict each other, every miss looks up
		assertThat(methods.size() * types.length * 2).isGreaterThan(Experiment.RECENT);
		for (int round = 0; round < 3; round++) {
			for (Class<?> type : types) {
				for (Method method : methods) {
					inject("a", type, method, new IllegalStateException(), 0);
					inject("b", type, method, new IllegalStateException(), 0);
				}
			}
		}
		ResilienceReport report = this.recorder.report();
		long reaches = (long) methods.size() * types.length;
		assertThat(report.injections().byAssault()).isEqualTo(Map.of("a", reaches * 3, "b", reaches * 3));
		// the report names a method as the engine does: statics of one name share it
		Map<String, Long> expected = new java.util.TreeMap<>();
		for (Class<?> type : types) {
			for (Method method : methods) {
				expected.merge(ChaosEngine.describe(type, method), 6L, Long::sum);
			}
		}
		Map<String, Long> counted = new java.util.TreeMap<>();
		report.unprotected().forEach((method) -> counted.put(method.method(), method.injectedFailures()));
		assertThat(counted).isEqualTo(expected);
	}

	private void start() {
		this.recorder.onChange(new Change(false, true, "test", "start", List.of(), Instant.now(), null));
	}

	private void inject(String assault, Method method, Throwable failure, long delayNanos) {
		inject(assault, method.getDeclaringClass(), method, failure, delayNanos);
	}

	private void inject(String assault, Class<?> type, Method method, Throwable failure, long delayNanos) {
		String target = ChaosEngine.describe(type, method);
		this.recorder.onInjection(new Injection(assault, (failure != null) ? "exception" : "latency", target, "bean",
				type, "service", method, failure, delayNanos, false, System.nanoTime(), Instant.now()));
	}

}
