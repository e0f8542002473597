package io.github.chaosstarter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.docs.DocsBlocks.Block;
import io.github.chaosstarter.engine.ChaosAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binds the configuration examples of the user documentation at startup: every
 * {@code yaml} and {@code properties} block of {@code README.md} and {@code docs/} that
 * sets {@code chaos.*} properties is loaded as Spring Boot loads {@code application.yml}
 * or {@code application.properties}, and an application with the chaos auto-configuration
 * must start with it and have its assaults. Where the page shows the startup failure that
 * follows, the application must fail with exactly that report.
 */
class DocsConfigurationExamplesTests {

	private static final String FAILED = "APPLICATION FAILED TO START";

	private static final Pattern ASSAULT = Pattern.compile("^chaos\\.assaults\\.([^.\\[]+)\\.");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class));

	@Test
	void everyChaosConfigurationBlockStartsAnApplicationOrFailsAsShown() {
		List<String> bound = new ArrayList<>();
		for (Block block : DocsBlocks.all()) {
			if (!block.is("yaml", "yml", "properties")) {
				continue;
			}
			EnumerablePropertySource<?> source = load(block);
			Set<String> assaults = new TreeSet<>();
			boolean chaos = false;
			for (String name : source.getPropertyNames()) {
				chaos |= name.startsWith("chaos.");
				Matcher assault = ASSAULT.matcher(name);
				if (assault.find()) {
					assaults.add(assault.group(1));
				}
			}
			if (!chaos) {
				continue;
			}
			Block next = block.next();
			String failure = (next != null && next.text().contains(FAILED)) ? next.text() : null;
			this.contextRunner
				.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(source))
				.run((context) -> {
					if (failure != null) {
						assertThat(context).as(block.toString()).hasFailed();
						assertThat(report(context.getStartupFailure())).as(block.toString()).isEqualTo(failure.strip());
					}
					else {
						assertThat(context).as(block.toString()).hasNotFailed();
						assertThat(context.getBean(Chaos.class).state().assaults().keySet()).as(block.toString())
							.containsAll(assaults);
					}
				});
			bound.add(block.toString());
		}
		assertThat(bound).as("configuration blocks bound").hasSizeGreaterThan(10);
	}

	@Test
	void everyStartupFailureShownFollowsTheConfigurationThatCausesIt() {
		for (Block block : DocsBlocks.all()) {
			if (block.text().contains(FAILED)) {
				Block previous = DocsBlocks.of(block.page()).get(block.index() - 1);
				assertThat(previous.is("yaml", "yml", "properties")).as(block + " follows a configuration block")
					.isTrue();
			}
		}
	}

	/**
	 * Load a block as Spring Boot loads the application's configuration file, so that
	 * origins read as they would there.
	 */
	private static EnumerablePropertySource<?> load(Block block) {
		boolean yaml = block.is("yaml", "yml");
		PropertySourceLoader loader = yaml ? new YamlPropertySourceLoader() : new PropertiesPropertySourceLoader();
		String file = yaml ? "application.yml" : "application.properties";
		try {
			List<PropertySource<?>> sources = loader.load(file, new File(block.text(), file));
			assertThat(sources).as(block.toString()).hasSize(1);
			return (EnumerablePropertySource<?>) sources.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write the startup failure as Spring Boot's failure analysis reporter logs it, with
	 * the starter's own analyzers.
	 */
	private static String report(Throwable failure) {
		List<FailureAnalyzer> analyzers = new ArrayList<>(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					})));
		analyzers.removeIf((analyzer) -> !analyzer.getClass().getName().startsWith("io.github.chaosstarter."));
		AnnotationAwareOrderComparator.sort(analyzers);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				String report = String.format(
						"***************************%n%s%n***************************%n%n" + "Description:%n%n%s%n",
						FAILED, analysis.getDescription());
				if (analysis.getAction() != null) {
					report += String.format("%nAction:%n%n%s%n", analysis.getAction());
				}
				return report.strip();
			}
		}
		throw new AssertionError("No chaos failure analysis for " + failure);
	}

	/**
	 * A configuration file of the given name with the block's content.
	 */
	private static final class File extends ByteArrayResource {

		private final String name;

		File(String content, String name) {
			super(content.getBytes(StandardCharsets.UTF_8));
			this.name = name;
		}

		@Override
		public String getDescription() {
			return "class path resource [" + this.name + "]";
		}

		@Override
		public String getFilename() {
			return this.name;
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
