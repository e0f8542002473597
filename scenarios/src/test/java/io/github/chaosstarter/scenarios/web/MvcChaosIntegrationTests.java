package io.github.chaosstarter.scenarios.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;

/**
 * Error responses and request targeting in a Spring MVC application, over real HTTP.
 * Principals read from Spring Security are tested by the Spring Boot 4 module, whose
 * class path has Spring Security.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "chaos.assaults.bean-503.target.methods=find" })
class MvcChaosIntegrationTests extends AbstractWebChaosIntegrationTests {

}
