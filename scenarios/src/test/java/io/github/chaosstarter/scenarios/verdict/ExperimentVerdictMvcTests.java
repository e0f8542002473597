package io.github.chaosstarter.scenarios.verdict;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.verdict.fixture.VerdictApplication;

/**
 * The experiment verdict on Spring MVC.
 */
@SpringBootTest(classes = VerdictApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"management.endpoints.web.exposure.include=chaos", "management.endpoint.chaos.access=unrestricted" })
class ExperimentVerdictMvcTests extends AbstractExperimentVerdictTests {

}
