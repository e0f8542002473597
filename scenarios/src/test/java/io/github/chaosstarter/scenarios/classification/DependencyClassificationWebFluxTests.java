package io.github.chaosstarter.scenarios.classification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.classification.fixture.ShopApplication;

/**
 * The dependency classification on Spring WebFlux, with {@code WebClient} and the
 * database called on {@code boundedElastic}.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class DependencyClassificationWebFluxTests extends AbstractDependencyClassificationTests {

}
