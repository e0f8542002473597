package io.github.chaosstarter.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.fixtures.web.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error responses and request targeting in a Spring MVC application, over real HTTP.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "chaos.assaults.bean-503.target.methods=find" })
class MvcChaosIntegrationTests extends AbstractWebChaosIntegrationTests {

	@Test
	void principalIsReadFromSpringSecurityContext() {
		assertThat(Http.get(this.port, "/api/me", "X-Test-Security-User", "alice").statusCode()).isEqualTo(403);
		assertThat(Http.get(this.port, "/api/me", "X-Test-Security-User", "bob").statusCode()).isEqualTo(200);
	}

}
