package io.github.chaosstarter.scenarios.propagation;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;

import static io.github.chaosstarter.scenarios.propagation.JourneyApplications.JOURNEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code chaos.propagate-headers}: a request that carries a named header into the shop
 * carries it on to the stock service through every client Spring builds, so the stock
 * service's assault on that header hits the same user journey, and only it. The shop
 * itself has chaos off: propagation does not depend on chaos being on where the request
 * passes through.
 */
class HeaderPropagationIntegrationTests {

	private static ConfigurableApplicationContext stock;

	private static ConfigurableApplicationContext mvcShop;

	private static ConfigurableApplicationContext reactiveShop;

	@BeforeAll
	static void start() {
		stock = JourneyApplications.start(JourneyApplications.Stock.class, WebApplicationType.SERVLET,
				Map.of("chaos.enabled", "true", "chaos.assaults.checkout-down.target.http.headers." + JOURNEY,
						"checkout", "chaos.assaults.checkout-down.target.http.paths", "/stock",
						"chaos.assaults.checkout-down.error-response.status", "503"));
		Map<String, Object> shop = Map.of("stock.url", "http://localhost:" + port(stock),
				"chaos.propagate-headers", JOURNEY + ",X-Other");
		mvcShop = JourneyApplications.start(JourneyApplications.MvcShop.class, WebApplicationType.SERVLET, shop);
		reactiveShop = JourneyApplications.start(JourneyApplications.ReactiveShop.class, WebApplicationType.REACTIVE,
				shop);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { reactiveShop, mvcShop,
				stock }) {
			if (context != null) {
				context.close();
			}
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static String get(ConfigurableApplicationContext shop, String path, String... headers) {
		RestClient client = RestClient.create("http://localhost:" + port(shop));
		return client.get().uri(path).headers((outbound) -> {
			for (int i = 0; i < headers.length; i += 2) {
				outbound.set(headers[i], headers[i + 1]);
			}
		}).retrieve().body(String.class);
	}

	private static long injections() {
		return stock.getBean(Chaos.class).report().injections().total();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/relay/rest-client", "/relay/rest-template", "/relay/web-client" })
	void theJourneyHeaderOfAnMvcRequestReachesTheStockServiceAndItsAssault(String relay) {
		assertThat(mvcShop.getBean(Chaos.class).state().enabled()).isFalse();
		long before = injections();
		assertThat(get(mvcShop, relay, JOURNEY, "checkout"))
			.isEqualTo(JourneyApplications.answered(503, "checkout-down"));
		assertThat(injections()).isEqualTo(before + 1);
		assertThat(get(mvcShop, relay, JOURNEY, "browse", "X-Other", "o"))
			.isEqualTo("in stock (journey=browse, other=o)");
		assertThat(get(mvcShop, relay)).isEqualTo("in stock (journey=null, other=null)");
		assertThat(injections()).isEqualTo(before + 1);
	}

	@Test
	void theJourneyHeaderOfAWebFluxRequestFollowsItsReactorChainAcrossThreads() {
		assertThat(reactiveShop.getBean(Chaos.class).state().enabled()).isFalse();
		long before = injections();
		assertThat(get(reactiveShop, "/relay/web-client", JOURNEY, "checkout"))
			.isEqualTo(JourneyApplications.answered(503, "checkout-down"));
		assertThat(injections()).isEqualTo(before + 1);
		assertThat(get(reactiveShop, "/relay/web-client", JOURNEY, "browse"))
			.isEqualTo("in stock (journey=browse, other=null)");
		assertThat(get(reactiveShop, "/relay/web-client")).isEqualTo("in stock (journey=null, other=null)");
		assertThat(injections()).isEqualTo(before + 1);
	}

	@Test
	void aHeaderTheOutboundCallSetsItselfKeepsTheApplicationsValue() {
		long before = injections();
		assertThat(get(mvcShop, "/relay/rest-client-own-journey", JOURNEY, "checkout", "X-Other", "o"))
			.isEqualTo("in stock (journey=browse, other=o)");
		assertThat(injections()).isEqualTo(before);
	}

	@Test
	void headersThatAreNotNamedAreNotCarriedOn() {
		assertThat(get(mvcShop, "/relay/rest-client", "X-Unnamed", "u", "X-Other", "o"))
			.isEqualTo("in stock (journey=null, other=o)");
	}

	@Test
	void aNameThatIsNotAHeaderNameFailsStartupNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> JourneyApplications.start(JourneyApplications.Stock.class, WebApplicationType.SERVLET,
					Map.of("chaos.propagate-headers[0]", JOURNEY, "chaos.propagate-headers[1]", "X Journey")))
			.havingRootCause()
			.isInstanceOf(InvalidChaosPropertyException.class)
			.withMessageContaining("chaos.propagate-headers[1]")
			.withMessageContaining("not a valid header name");
	}

}
