package io.github.chaosstarter.scenarios.chaosmonkey;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ChaosMonkeyApplication;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.RawHttp;
import io.github.chaosstarter.scenarios.chaosmonkey.fixture.ToolRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches the Chaos Monkey API: nobody without {@code chaos.chaos-monkey-api.enabled},
 * readers only without {@code management.endpoint.chaosmonkey.access=unrestricted}; and
 * why its write operations declare no body parameter.
 */
class ChaosMonkeyApiAccessTests {

	@Nested
	@SpringBootTest(classes = ChaosMonkeyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet",
					"management.endpoints.web.exposure.include=*", "management.endpoints.access.default=unrestricted" })
	class WithoutTheProperty {

		@LocalServerPort
		int port;

		@Test
		void theEndpointDoesNotExist() {
			ToolRequests tools = new ToolRequests(this.port);
			assertThat(tools.litmusGet().status()).isEqualTo(404);
			assertThat(tools.litmusPost("/enable").status()).isEqualTo(404);
		}

		@Test
		void aWriteOperationDeclaringABodyAnswers415ToLitmusStylePosts() {
			// the chaos endpoint's POST declares a body parameter: actuator consumes JSON
			// only, so http.Post(url, "", nil) is refused before any code of ours runs
			RawHttp.Response response = new RawHttp(this.port).send("POST /actuator/chaos HTTP/1.1\n"
					+ "User-Agent: Go-http-client/1.1\nContent-Length: 0\nContent-Type: \nAccept-Encoding: gzip", "");
			assertThat(response.status()).as(response.body()).isEqualTo(415);
		}

	}

	@Nested
	@SpringBootTest(classes = ChaosMonkeyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "chaos.chaos-monkey-api.enabled=true",
					"management.endpoints.web.exposure.include=chaosmonkey" })
	class ReadOnly {

		@LocalServerPort
		int port;

		@Test
		void readsAnswerAndWritesAreNotMapped() {
			ToolRequests tools = new ToolRequests(this.port);
			assertThat(tools.litmusGet().status()).isEqualTo(200);
			assertThat(tools.chaosToolkitGet("status").status()).isEqualTo(503);
			assertThat(tools.litmusPost("/enable").status()).isIn(404, 405);
			assertThat(tools.chaosToolkitGet("status").status()).isEqualTo(503);
		}

	}

}
