package io.github.chaosstarter.scenarios.input;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.input.fixture.HostileInputApplication;

/**
 * Hostile input to the {@code chaos} endpoint on Spring WebFlux.
 */
@SpringBootTest(classes = HostileInputApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AbstractHostileInputTests.EXPOSE,
				AbstractHostileInputTests.UNRESTRICTED, AbstractHostileInputTests.BASELINE_TARGET,
				AbstractHostileInputTests.BASELINE_EFFECT })
class HostileInputWebFluxTests extends AbstractHostileInputTests {

}
