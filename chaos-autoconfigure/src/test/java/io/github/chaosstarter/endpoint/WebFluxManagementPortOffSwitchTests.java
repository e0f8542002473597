package io.github.chaosstarter.endpoint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.web.fixture.WebFluxTestApplication;

/**
 * The off switch on WebFlux with the actuator on a management port of its own.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.server.port=0",
				"management.endpoints.web.exposure.include=chaos,health",
				"management.endpoint.chaos.access=unrestricted", "chaos.watch.kinds=service",
				// the test class path holds Tomcat beside Netty: Boot would define the
				// management child context factory twice
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
						+ "TomcatReactiveManagementContextAutoConfiguration" })
class WebFluxManagementPortOffSwitchTests extends AbstractManagementPortOffSwitchTests {

}
