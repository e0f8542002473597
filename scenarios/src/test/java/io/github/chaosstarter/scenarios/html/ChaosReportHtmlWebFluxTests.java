package io.github.chaosstarter.scenarios.html;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.github.chaosstarter.scenarios.html.fixture.HtmlReportApplication;

/**
 * The report's HTML page and its content negotiation on Spring WebFlux.
 */
@SpringBootTest(classes = HtmlReportApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.endpoints.web.exposure.include=chaos",
				"management.endpoint.chaos.access=unrestricted", AbstractChaosReportHtmlTests.MIN_CALLS,
				AbstractChaosReportHtmlTests.WINDOW, AbstractChaosReportHtmlTests.OPEN,
				AbstractChaosReportHtmlTests.HYPOTHESIS, AbstractChaosReportHtmlTests.MIN_REQUESTS })
class ChaosReportHtmlWebFluxTests extends AbstractChaosReportHtmlTests {

}
