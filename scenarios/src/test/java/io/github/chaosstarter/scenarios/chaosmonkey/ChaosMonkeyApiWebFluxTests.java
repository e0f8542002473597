package io.github.chaosstarter.scenarios.chaosmonkey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ChaosMonkeyApplication;

/**
 * The Chaos Monkey API on Spring WebFlux.
 */
@SpringBootTest(classes = ChaosMonkeyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ChaosMonkeyApiWebFluxTests extends AbstractChaosMonkeyApiTests {

}
