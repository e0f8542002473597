package io.github.chaosstarter.scenarios.conformance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.conformance.fixture.ConformanceApplication;

/**
 * The conformance scenarios on Spring MVC.
 */
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ConformanceMvcTests extends AbstractConformanceTests {

}
