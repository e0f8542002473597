package io.github.chaosstarter.benchmarks.load;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * A small WebFlux application for {@code benchmarks/load/run-load.sh}: one endpoint over
 * one watched service. Chaos Monkey for Spring Boot is never active in it; pass
 * {@code --spring.autoconfigure.exclude=io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration,io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration}
 * to run it without Chaos Starter.
 *
 * @author Chaos Starter team
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration")
@ComponentScan(basePackageClasses = LoadApp.class)
public class LoadApp {

	/**
	 * Start the application.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(LoadApp.class, args);
	}

}
