package io.github.chaosstarter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs each test of a Spring test class (such as a {@code @SpringBootTest}) as one chaos
 * experiment of its own, with {@link ChaosExperimentExtension}:
 * <ul>
 * <li>before each test, chaos is halted (off, the application's configured assaults
 * restored), every circuit breaker of every Resilience4j {@code CircuitBreakerRegistry}
 * bean is reset to {@code CLOSED}, and a new experiment starts, so that every figure of
 * the report is measured from the test's start. Where the application's configuration
 * sets {@code chaos.enabled=true}, chaos is switched on again, as at startup;</li>
 * <li>after each test, its report is kept and chaos is halted: assaults added by the test
 * are removed and those of the application's configuration restored;</li>
 * <li>after the class, each test's report is written as JSON (with the application's
 * Jackson mapper) and as HTML under {@code target/chaos-reports/}, named
 * {@code <test class name>.<test method name>.json} and {@code .html}. The JUnit
 * configuration parameter {@value ChaosExperimentExtension#REPORTS_DIRECTORY_PARAMETER}
 * changes the directory.</li>
 * </ul>
 * <p>
 * Chaos and the report belong to the application context, which the tests of a class (and
 * Spring's context cache, other classes) share: <strong>tests under
 * {@code @ChaosExperiment} run one at a time</strong>. Where JUnit's parallel execution
 * is enabled, the {@link ResourceLock} named {@value #LOCK} serialises them, across
 * classes too, while other tests still run in parallel. A test that starts while another
 * test of the same context is under the extension (the extension registered with
 * {@code @ExtendWith} without this annotation's lock) is refused with a message saying
 * so.
 *
 * @author Chaos Starter team
 * @see ChaosAssertions
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChaosExperimentExtension.class)
@ResourceLock(ChaosExperiment.LOCK)
public @interface ChaosExperiment {

	/**
	 * Name of the JUnit resource lock that serialises the tests of every class annotated
	 * with {@code @ChaosExperiment}.
	 */
	String LOCK = "io.github.chaosstarter.test.ChaosExperiment";

}
