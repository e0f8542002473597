package io.github.chaosstarter.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.test.EngineFixtures.Fixture;
import io.github.chaosstarter.test.fixtures.ShopApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * With JUnit's parallel execution switched on (classes and methods concurrent), the tests
 * of {@code @ChaosExperiment} classes run one at a time while other tests still run in
 * parallel; the extension registered without the annotation's lock refuses a second test
 * in the same context.
 */
class ChaosExperimentParallelTests {

	static final AtomicInteger running = new AtomicInteger();

	static final AtomicInteger mostAtOnce = new AtomicInteger();

	@Test
	void chaosExperimentTestsRunOneAtATimeWhileOtherTestsRunInParallel() {
		running.set(0);
		mostAtOnce.set(0);
		EngineExecutionResults results = EngineFixtures.run(EngineFixtures.PARALLEL, FirstExperiments.class,
				SecondExperiments.class, OtherTests.class);
		results.testEvents().assertStatistics((stats) -> stats.started(8).succeeded(8));
		assertThat(mostAtOnce).as("chaos experiments at once").hasValue(1);
	}

	@Test
	void theExtensionWithoutTheLockRefusesASecondTestInTheSameContext() {
		Choreography.log.clear();
		EngineExecutionResults results = EngineFixtures.run(EngineFixtures.PARALLEL, Unlocked.class);
		results.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(1).failed(1))
			.assertThatEvents()
			.haveExactly(1,
					event(test("second"),
							finishedWithFailure(instanceOf(IllegalStateException.class),
									message((text) -> text.startsWith("Refusing to run second()")
											&& text.contains("@ResourceLock(\"" + ChaosExperiment.LOCK + "\")")))));
		assertThat(Choreography.log).containsExactly("first started", "second refused", "first ended");
	}

	/**
	 * A chaos experiment that records how many run at once, and checks it sees only its
	 * own assaults.
	 */
	abstract static class Experiments {

		@Autowired
		Chaos chaos;

		void experiment(String assault) throws InterruptedException {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				assertThat(this.chaos.state().assaults()).containsOnlyKeys("stock-slow");
				this.chaos.assault(assault).target((t) -> t.beans("paymentService")).exception().apply();
				this.chaos.enable();
				Thread.sleep(100);
				assertThat(this.chaos.state().assaults()).containsOnlyKeys("stock-slow", assault);
			}
			finally {
				running.decrementAndGet();
			}
		}

	}

	@Fixture
	@SpringBootTest(classes = ShopApplication.class,
			properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
	@ChaosExperiment
	static class FirstExperiments extends Experiments {

		@Test
		void one() throws InterruptedException {
			experiment("one");
		}

		@Test
		void two() throws InterruptedException {
			experiment("two");
		}

		@Test
		void three() throws InterruptedException {
			experiment("three");
		}

	}

	@Fixture
	@SpringBootTest(classes = ShopApplication.class,
			properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
	@ChaosExperiment
	static class SecondExperiments extends Experiments {

		@Test
		void four() throws InterruptedException {
			experiment("four");
		}

		@Test
		void five() throws InterruptedException {
			experiment("five");
		}

		@Test
		void six() throws InterruptedException {
			experiment("six");
		}

	}

	/**
	 * Tests without the extension: they pass only when they run at the same time, which
	 * proves parallel execution is on.
	 */
	@Fixture
	static class OtherTests {

		static final CyclicBarrier meeting = new CyclicBarrier(2);

		@Test
		void meetsTheOther() throws Exception {
			meeting.await(20, TimeUnit.SECONDS);
		}

		@Test
		void meetsTheFirst() throws Exception {
			meeting.await(20, TimeUnit.SECONDS);
		}

	}

	/**
	 * The extension without {@code @ChaosExperiment}'s lock: {@code second} starts while
	 * {@code first} runs.
	 */
	@Fixture
	@SpringBootTest(classes = ShopApplication.class,
			properties = { EngineFixtures.MINIMUM_CALLS, EngineFixtures.WINDOW_SIZE })
	@ExtendWith({ Choreography.class, ChaosExperimentExtension.class })
	static class Unlocked {

		@Test
		void first() throws InterruptedException {
			Choreography.log.add("first started");
			Choreography.firstStarted.countDown();
			assertThat(Choreography.secondEnded.await(20, TimeUnit.SECONDS)).isTrue();
			Choreography.log.add("first ended");
		}

		@Test
		void second() {
			Choreography.log.add("second ran");
		}

	}

	/**
	 * Holds {@code second} back until {@code first} is under the extension, and lets
	 * {@code first} end once {@code second} is over.
	 */
	static class Choreography implements BeforeEachCallback, AfterEachCallback {

		static final List<String> log = new CopyOnWriteArrayList<>();

		static final CountDownLatch firstStarted = new CountDownLatch(1);

		static final CountDownLatch secondEnded = new CountDownLatch(1);

		@Override
		public void beforeEach(ExtensionContext context) throws InterruptedException {
			if (context.getRequiredTestMethod().getName().equals("second")) {
				assertThat(firstStarted.await(20, TimeUnit.SECONDS)).isTrue();
			}
		}

		@Override
		public void afterEach(ExtensionContext context) {
			if (context.getRequiredTestMethod().getName().equals("second")) {
				if (context.getExecutionException().isPresent()) {
					log.add("second refused");
				}
				secondEnded.countDown();
			}
		}

	}

}
