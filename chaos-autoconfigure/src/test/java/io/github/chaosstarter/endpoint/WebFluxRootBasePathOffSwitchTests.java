package io.github.chaosstarter.endpoint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.web.fixture.WebFluxTestApplication;

/**
 * The off switch on WebFlux with management.endpoints.web.base-path=/.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=chaos,health",
				"management.endpoint.chaos.access=unrestricted", "chaos.watch.kinds=service",
				"management.endpoints.web.base-path=/" })
class WebFluxRootBasePathOffSwitchTests extends AbstractOffSwitchTests {

	@Override
	String actuator() {
		return "";
	}

}
