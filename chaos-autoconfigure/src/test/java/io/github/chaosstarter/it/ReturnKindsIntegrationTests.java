package io.github.chaosstarter.it;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;

import io.github.chaosstarter.AssaultBuilder;
import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;
import io.github.chaosstarter.engine.InjectedFaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What each effect does to each return kind of an attacked method, and how the injected
 * exception is built: a blocking call throws before the method runs, a
 * {@code CompletionStage} is returned failed, a {@code Mono} or {@code Flux} fails when
 * subscribed to (each subscription decided afresh); a checked exception is thrown only
 * where the method declares it or where it travels as a signal.
 */
class ReturnKindsIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(KindsApplication.class);

	/** How often the attacked methods really ran, in the current context. */
	private AtomicInteger calls;

	@Test
	void blockingCallThrowsAndTheMethodDoesNotRun() {
		attack((assault) -> assault.exception(), (chaos, kinds) -> {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(kinds::blocking)
				.withMessage("Chaos assault 'attack': injected failure")
				.satisfies((ex) -> assertThat(InjectedFaults.isMarked(ex)).isTrue());
			assertThatExceptionOfType(ChaosException.class).isThrownBy(kinds::nothing);
			assertThat(this.calls).hasValue(0);
		});
	}

	@Test
	void completionStageIsReturnedFailedWithoutRunningTheMethod() {
		attack((assault) -> assault.exception(IllegalStateException.class, "down"), (chaos, kinds) -> {
			CompletableFuture<String> future = kinds.future();
			assertThat(future).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
				.withCauseInstanceOf(IllegalStateException.class)
				.havingCause()
				.withMessage("Chaos assault 'attack': down");
			assertThat(kinds.stage().toCompletableFuture()).isCompletedExceptionally();
			assertThat(this.calls).hasValue(0);
		});
	}

	@Test
	void monoAndFluxFailWhenSubscribedAndEachSubscriptionIsDecidedAfresh() {
		attack((assault) -> assault.exception().maxInjections(2), (chaos, kinds) -> {
			Mono<String> mono = kinds.mono();
			Flux<String> flux = kinds.flux();
			assertThat(chaos.state().assaults().get("attack").injected()).as("nothing happens before subscription")
				.isZero();
			StepVerifier.create(mono).expectError(ChaosException.class).verify(Duration.ofSeconds(10));
			StepVerifier.create(flux).expectError(ChaosException.class).verify(Duration.ofSeconds(10));
			assertThat(this.calls).as("the method's own publisher is not needed for an injected failure").hasValue(0);
			StepVerifier.create(mono).expectNext("mono").verifyComplete();
			StepVerifier.create(flux).expectNext("a", "b").verifyComplete();
			assertThat(chaos.state().assaults().get("attack").injected()).isEqualTo(2);
			assertThat(this.calls).as("each method ran once, for its first clean subscription").hasValue(2);
		});
	}

	@Test
	void latencyDelaysACompletionStageWithoutBlockingTheCaller() {
		attack((assault) -> assault.latency(Duration.ofMillis(600)), (chaos, kinds) -> {
			long start = System.nanoTime();
			CompletableFuture<String> future = kinds.future();
			assertThat(future).as("returned before the delay ran out").isNotDone();
			assertThat(future).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("future");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
		});
	}

	@Test
	void latencyDelaysAFluxAtSubscription() {
		attack((assault) -> assault.latency(Duration.ofMillis(300)), (chaos, kinds) -> {
			Flux<String> flux = kinds.flux();
			long start = System.nanoTime();
			StepVerifier.create(flux).expectNext("a", "b").verifyComplete();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		});
	}

	@Test
	void aDeclaredCheckedExceptionIsThrownAsItIs() {
		attack((assault) -> assault.exception(IOException.class, "disk"), (chaos, kinds) -> {
			assertThatExceptionOfType(IOException.class).isThrownBy(kinds::declaresIo)
				.withMessage("Chaos assault 'attack': disk");
		});
	}

	@Test
	void anUndeclaredCheckedExceptionIsWrappedSoItCannotSurpriseTheCaller() {
		attack((assault) -> assault.exception(TimeoutException.class, "slow"), (chaos, kinds) -> {
			assertThatExceptionOfType(ChaosException.class).isThrownBy(kinds::blocking)
				.withMessageContaining("checked java.util.concurrent.TimeoutException is not declared by")
				.withCauseInstanceOf(TimeoutException.class);
		});
	}

	@Test
	void aCheckedExceptionTravelsAsItIsInAReactiveSignal() {
		attack((assault) -> assault.exception(IOException.class, "disk"), (chaos, kinds) -> StepVerifier
			.create(kinds.mono())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(IOException.class).hasMessage("Chaos assault 'attack': disk"))
			.verify(Duration.ofSeconds(10)));
	}

	private void attack(Function<AssaultBuilder, AssaultBuilder> effect, BiConsumer<Chaos, KindsService> test) {
		this.contextRunner.run((context) -> {
			Chaos chaos = context.getBean(Chaos.class);
			KindsService kinds = context.getBean(KindsService.class);
			this.calls = context.getBean("kindsCalls", AtomicInteger.class);
			effect
				.apply(chaos.assault("attack")
					.target((target) -> target.classes("**.ReturnKindsIntegrationTests$KindsService")))
				.apply();
			chaos.enable();
			test.accept(chaos, kinds);
		});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(KindsService.class)
	static class KindsApplication {

		@Bean
		AtomicInteger kindsCalls() {
			return new AtomicInteger();
		}

	}

	@Service
	static class KindsService {

		private final AtomicInteger calls;

		KindsService(AtomicInteger kindsCalls) {
			this.calls = kindsCalls;
		}

		public String blocking() {
			this.calls.incrementAndGet();
			return "blocking";
		}

		public void nothing() {
			this.calls.incrementAndGet();
		}

		public String declaresIo() throws IOException {
			this.calls.incrementAndGet();
			return "io";
		}

		public CompletableFuture<String> future() {
			this.calls.incrementAndGet();
			return CompletableFuture.completedFuture("future");
		}

		public CompletionStage<String> stage() {
			this.calls.incrementAndGet();
			return CompletableFuture.completedFuture("stage");
		}

		public Mono<String> mono() {
			this.calls.incrementAndGet();
			return Mono.just("mono");
		}

		public Flux<String> flux() {
			this.calls.incrementAndGet();
			return Flux.just("a", "b");
		}

	}

}
