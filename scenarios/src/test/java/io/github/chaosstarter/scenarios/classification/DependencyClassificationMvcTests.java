package io.github.chaosstarter.scenarios.classification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.classification.fixture.ShopApplication;

/**
 * The dependency classification on Spring MVC, with {@code RestClient}.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class DependencyClassificationMvcTests extends AbstractDependencyClassificationTests {

}
