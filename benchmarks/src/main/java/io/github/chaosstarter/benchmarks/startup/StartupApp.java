package io.github.chaosstarter.benchmarks.startup;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;

import io.github.chaosstarter.benchmarks.aspect.NoOpAdvisorConfiguration;

/**
 * An application with {@code N} generated {@code @Service} beans, each of its own class
 * (so every watched bean costs its own proxy class, as in a real application). Started
 * with or without Chaos Starter's auto-configuration; it stays up until killed so that
 * {@code benchmarks/startup/run-startup.sh} can read its startup time and heap.
 * <p>
 * Arguments: {@code --beans=N} (default 0), {@code --starter=true|false} (default true),
 * {@code --floor} (also proxy every {@code @Service} with a no-op advisor: the cost of
 * any proxy). The generated classes are compiled once into
 * {@code ${java.io.tmpdir}/chaos-startup-beans-N} before the application starts;
 * compilation is not part of the measured startup.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration")
public class StartupApp {

	private static final String PACKAGE = "generated.beans";

	static int beans = 0;

	static ClassLoader generated = StartupApp.class.getClassLoader();

	@Bean
	static BeanDefinitionRegistryPostProcessor generatedBeans() {
		return (BeanDefinitionRegistry registry) -> {
			for (int i = 0; i < beans; i++) {
				try {
					Class<?> type = generated.loadClass(PACKAGE + ".GeneratedService" + i);
					registry.registerBeanDefinition("generatedService" + i, new RootBeanDefinition(type));
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			}
		};
	}

	@Bean
	ApplicationRunner reportProxies(ApplicationContext context) {
		return (args) -> {
			long proxied = 0;
			for (int i = 0; i < beans; i++) {
				proxied += AopUtils.isAopProxy(context.getBean("generatedService" + i)) ? 1 : 0;
			}
			System.out.println("Generated beans: " + beans + ", proxied: " + proxied);
		};
	}

	/**
	 * Start the application.
	 * @param args {@code --beans=N --starter=true|false}
	 * @throws IOException when the generated classes cannot be written
	 */
	public static void main(String[] args) throws IOException {
		boolean starter = true;
		boolean floor = false;
		for (String arg : args) {
			if (arg.startsWith("--beans=")) {
				beans = Integer.parseInt(arg.substring("--beans=".length()));
			}
			if (arg.startsWith("--starter=")) {
				starter = Boolean.parseBoolean(arg.substring("--starter=".length()));
			}
			if (arg.equals("--floor")) {
				floor = true;
			}
		}
		generated = compile(beans);
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(generated), StartupApp.class);
		if (floor) {
			application.addPrimarySources(List.of(NoOpAdvisorConfiguration.class));
		}
		List<String> arguments = new ArrayList<>(
				List.of("--spring.main.keep-alive=true", "--spring.main.banner-mode=off", "--chaos.enabled=false"));
		if (!starter) {
			arguments.add("--spring.autoconfigure.exclude=io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration,"
					+ "io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration,"
					+ "de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration");
		}
		application.run(arguments.toArray(new String[0]));
	}

	private static ClassLoader compile(int count) throws IOException {
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "chaos-startup-beans-" + count);
		Path done = dir.resolve("compiled");
		if (count > 0 && !Files.exists(done)) {
			Path sources = dir.resolve("src");
			Files.createDirectories(sources);
			List<String> options = new ArrayList<>(
					List.of("-d", dir.toString(), "-proc:none", "-cp", System.getProperty("java.class.path")));
			for (int i = 0; i < count; i++) {
				Path source = sources.resolve("GeneratedService" + i + ".java");
				Files.writeString(source,
						"package " + PACKAGE + ";\n"
								+ "@org.springframework.stereotype.Service public class GeneratedService" + i + " {\n"
								+ "  public int call(int x) { return x + " + i + "; }\n" + "}\n");
				options.add(source.toString());
			}
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			if (compiler.run(null, null, null, options.toArray(new String[0])) != 0) {
				throw new IllegalStateException("Could not compile the generated beans");
			}
			Files.writeString(done, "ok");
		}
		return new URLClassLoader(new URL[] { dir.toUri().toURL() }, StartupApp.class.getClassLoader());
	}

}
