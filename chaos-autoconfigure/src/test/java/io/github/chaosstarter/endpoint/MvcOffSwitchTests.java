package io.github.chaosstarter.endpoint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;

/**
 * The off switch on Mvc with the default base path.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"management.endpoints.web.exposure.include=chaos,health",
				"management.endpoint.chaos.access=unrestricted", "chaos.watch.kinds=service" })
class MvcOffSwitchTests extends AbstractOffSwitchTests {

	@Override
	String actuator() {
		return "/actuator";
	}

}
