package io.github.chaosstarter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.report.ResilienceReport;

/**
 * The JUnit 5 extension behind {@link ChaosExperiment}: a fresh experiment and closed
 * circuit breakers before each test, chaos halted after it, the reports written after the
 * class. Register it with {@code @ChaosExperiment}, which also serialises the tests;
 * registered on its own it refuses a test that starts while another one runs in the same
 * application context.
 *
 * @author Chaos Starter team
 */
public class ChaosExperimentExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/**
	 * JUnit configuration parameter (in {@code junit-platform.properties} or a system
	 * property) naming the directory the reports are written to.
	 */
	public static final String REPORTS_DIRECTORY_PARAMETER = "chaos.test.reports-directory";

	/** The directory the reports are written to by default. */
	public static final String DEFAULT_REPORTS_DIRECTORY = "target/chaos-reports";

	private static final Log logger = LogFactory.getLog(ChaosExperimentExtension.class);

	private static final Namespace NAMESPACE = Namespace.create(ChaosExperimentExtension.class);

	private static final String EXPERIMENT = "experiment";

	private static final String REPORTS = "reports";

	/** The test under the extension in each application context. */
	private static final Map<ApplicationContext, String> running = Collections.synchronizedMap(new WeakHashMap<>());

	@Override
	public void beforeEach(ExtensionContext extensionContext) {
		ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
		Chaos chaos = context.getBeanProvider(Chaos.class).getIfAvailable();
		if (chaos == null) {
			throw new IllegalStateException("@ChaosExperiment needs the Chaos bean of Chaos Starter in the "
					+ "application context of " + extensionContext.getRequiredTestClass().getName()
					+ ": add the chaos-spring-boot-starter dependency to the application");
		}
		String test = extensionContext.getUniqueId();
		String other = running.putIfAbsent(context, test);
		if (other != null) {
			throw new IllegalStateException("Refusing to run " + extensionContext.getDisplayName()
					+ " while another chaos experiment runs in the same application context (" + other
					+ "): chaos and its report belong to the context, so its tests run one at a time. "
					+ "Register the extension with @ChaosExperiment, whose @ResourceLock(\"" + ChaosExperiment.LOCK
					+ "\") serialises them, or run these tests in the same thread");
		}
		extensionContext.getStore(NAMESPACE).put(EXPERIMENT, new Experiment(context, chaos, test));
		chaos.halt();
		CircuitBreakers.reset(context);
		if (context.getEnvironment().getProperty("chaos.enabled", Boolean.class, false)) {
			chaos.enable(); // as at startup; a new experiment
		}
		else {
			chaos.resetReport();
		}
	}

	@Override
	public void afterEach(ExtensionContext extensionContext) {
		Experiment experiment = extensionContext.getStore(NAMESPACE).remove(EXPERIMENT, Experiment.class);
		if (experiment == null) {
			return;
		}
		try {
			if (experiment.isActive()) {
				ResilienceReport report = experiment.chaos().report();
				reports(extensionContext).add(testName(extensionContext),
						ReportJson.write(experiment.context(), report), report.html());
			}
		}
		finally {
			try {
				if (experiment.isActive()) {
					experiment.chaos().halt();
				}
			}
			finally {
				running.remove(experiment.context(), experiment.test());
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext extensionContext) throws IOException {
		Reports reports = extensionContext.getStore(NAMESPACE).remove(REPORTS, Reports.class);
		if (reports == null) {
			return;
		}
		Path directory = Path.of(extensionContext.getConfigurationParameter(REPORTS_DIRECTORY_PARAMETER)
			.orElse(DEFAULT_REPORTS_DIRECTORY));
		Files.createDirectories(directory);
		String prefix = extensionContext.getRequiredTestClass().getName() + ".";
		for (Written written : reports.all()) {
			if (written.json() != null) {
				Files.writeString(directory.resolve(prefix + written.name() + ".json"), written.json(),
						StandardCharsets.UTF_8);
			}
			Files.writeString(directory.resolve(prefix + written.name() + ".html"), written.html(),
					StandardCharsets.UTF_8);
		}
	}

	/**
	 * Return the reports of the test class: the nearest enclosing context without a test
	 * method (a test template's invocations share their method's name).
	 */
	private static Reports reports(ExtensionContext extensionContext) {
		ExtensionContext classContext = extensionContext;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		ExtensionContext.Store store = classContext.getStore(NAMESPACE);
		Reports reports = store.get(REPORTS, Reports.class);
		if (reports == null) {
			reports = new Reports();
			store.put(REPORTS, reports);
		}
		return reports;
	}

	private static String testName(ExtensionContext extensionContext) {
		return extensionContext.getTestMethod().map((method) -> method.getName()).orElse("test");
	}

	/**
	 * The experiment of one test.
	 */
	private record Experiment(ApplicationContext context, Chaos chaos, String test) {

		/**
		 * Return whether the context can still be used: a test marked with
		 * {@code @DirtiesContext} may have closed it already.
		 */
		boolean isActive() {
			return !(this.context instanceof ConfigurableApplicationContext configurable) || configurable.isActive();
		}

	}

	/**
	 * The reports of the tests of one class, in the order they ran. Tests of one class
	 * run one at a time; a name seen before (a repeated or parameterised test) gets a
	 * number.
	 */
	private static final class Reports {

		private final List<Written> all = new ArrayList<>();

		private final Map<String, Integer> seen = new HashMap<>();

		synchronized void add(String name, @Nullable String json, String html) {
			int count = this.seen.merge(name, 1, Integer::sum);
			this.all.add(new Written((count > 1) ? name + "-" + count : name, json, html));
		}

		synchronized List<Written> all() {
			return List.copyOf(this.all);
		}

	}

	private record Written(String name, @Nullable String json, String html) {
	}

	/**
	 * Writes a report as JSON with the application's mapper: Jackson 3's
	 * {@code JsonMapper} (Spring Boot 4) or Jackson 2's {@code ObjectMapper} (Spring Boot
	 * 3.5), whichever the context has, each looked up only where its classes are present.
	 */
	static final class ReportJson {

		private static final boolean jackson3 = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
				ReportJson.class.getClassLoader());

		private static final boolean jackson2 = ClassUtils.isPresent("com.fasterxml.jackson.databind.ObjectMapper",
				ReportJson.class.getClassLoader());

		private ReportJson() {
		}

		static @Nullable String write(ApplicationContext context, ResilienceReport report) {
			String json = jackson3 ? Jackson3.write(context, report) : null;
			if (json == null && jackson2) {
				json = Jackson2.write(context, report);
			}
			if (json == null && jackson3) {
				json = Jackson3.writeWithDefaults(report);
			}
			if (json == null) {
				logger.warn("No Jackson mapper in the application context and no Jackson 3 on the class path: "
						+ "the chaos report is written as HTML only");
			}
			return json;
		}

		private static final class Jackson3 {

			static @Nullable String write(ApplicationContext context, ResilienceReport report) {
				tools.jackson.databind.json.JsonMapper mapper = context
					.getBeanProvider(tools.jackson.databind.json.JsonMapper.class)
					.getIfUnique();
				return (mapper != null) ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report) : null;
			}

			static String writeWithDefaults(ResilienceReport report) {
				return new tools.jackson.databind.json.JsonMapper().writerWithDefaultPrettyPrinter()
					.writeValueAsString(report);
			}

		}

		private static final class Jackson2 {

			static @Nullable String write(ApplicationContext context, ResilienceReport report) {
				com.fasterxml.jackson.databind.ObjectMapper mapper = context
					.getBeanProvider(com.fasterxml.jackson.databind.ObjectMapper.class)
					.getIfUnique();
				if (mapper == null) {
					return null;
				}
				try {
					return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		}

	}

}
