package io.github.chaosstarter.datafixture;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application whose repositories are Spring Data interfaces, one guarded by a circuit
 * breaker.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RepositoryApplication {

}
