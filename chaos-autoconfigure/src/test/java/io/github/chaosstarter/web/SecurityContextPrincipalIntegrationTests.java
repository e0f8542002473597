package io.github.chaosstarter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.chaosstarter.scenarios.fixture.Http;
import io.github.chaosstarter.scenarios.web.fixture.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A principal condition reads the user from Spring Security's
 * {@code SecurityContextHolder} in a Spring MVC application. Tested by this module only:
 * the Spring Boot 3.5 module leaves Spring Security, an optional library of the starter,
 * off its class path on purpose. The other request conditions are tested on both lines by
 * the shared {@code MvcChaosIntegrationTests}.
 */
@SpringBootTest(classes = { MvcTestApplication.class, SecurityContextPrincipalIntegrationTests.Security.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "chaos.enabled=true", "chaos.watch.kinds=service",
				"chaos.assaults.alice-403.target.http.paths=/api/me", "chaos.assaults.alice-403.target.principal=alice",
				"chaos.assaults.alice-403.error-response.status=403" })
class SecurityContextPrincipalIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void principalIsReadFromSpringSecurityContext() {
		Http http = new Http(this.port);
		assertThat(http.get("/api/me", "X-Test-Security-User", "alice").status()).isEqualTo(403);
		assertThat(http.get("/api/me", "X-Test-Security-User", "bob").status()).isEqualTo(200);
		assertThat(http.get("/api/me").status()).isEqualTo(200);
	}

	/**
	 * Authenticates {@code X-Test-Security-User} through Spring Security's
	 * {@code SecurityContextHolder}, before the starter's request filter reads it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Security {

		@Bean
		SecurityContextUserFilter securityContextUserFilter() {
			return new SecurityContextUserFilter();
		}

	}

	static class SecurityContextUserFilter extends OncePerRequestFilter implements Ordered {

		@Override
		public int getOrder() {
			return -100;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String user = request.getHeader("X-Test-Security-User");
			if (user != null) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
							AuthorityUtils.createAuthorityList("ROLE_USER")));
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
