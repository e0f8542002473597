package io.github.chaosstarter.scenarios.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.DispatcherHandler;

import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code chaos} endpoint on Spring WebFlux (Reactor Netty on Spring Boot 4; on 3.5, which prefers Tomcat when both are on the class path, Tomcat's reactive adapter): the starter's body reader
 * for nested JSON works with each line's WebFlux actuator.
 */
@SpringBootTest(classes = EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AbstractChaosEndpointHttpTests.EXPOSE,
				AbstractChaosEndpointHttpTests.UNRESTRICTED, AbstractChaosEndpointHttpTests.BASELINE_TARGET,
				AbstractChaosEndpointHttpTests.BASELINE_EFFECT })
class ChaosEndpointWebFluxTests extends AbstractChaosEndpointHttpTests {

	@Autowired
	ApplicationContext context;

	@Test
	void applicationIsReactive() {
		assertThat(this.context.getBeanNamesForType(DispatcherHandler.class)).isNotEmpty();
	}

}
