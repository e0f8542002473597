package io.github.chaosstarter.endpoint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.fixtures.endpoint.EndpointTestApplication;

/**
 * The {@code chaos} endpoint on Spring WebFlux.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AbstractChaosEndpointHttpTests.EXPOSE,
				AbstractChaosEndpointHttpTests.UNRESTRICTED, AbstractChaosEndpointHttpTests.BASELINE_TARGET,
				AbstractChaosEndpointHttpTests.BASELINE_EFFECT })
class ChaosEndpointWebFluxTests extends AbstractChaosEndpointHttpTests {

}
