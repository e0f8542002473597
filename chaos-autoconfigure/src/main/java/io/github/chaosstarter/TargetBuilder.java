package io.github.chaosstarter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * Which calls an assault attacks, for {@link AssaultBuilder#target}, with the names of
 * the {@code chaos.assaults.<name>.target.*} properties. All given conditions must hold.
 *
 * @author Chaos Starter team
 */
public final class TargetBuilder {

	private final ChaosProperties.Target target;

	TargetBuilder(ChaosProperties.Target target) {
		this.target = target;
	}

	/**
	 * Select beans by kind: {@code service}, {@code repository}, {@code rest-controller},
	 * {@code controller}, {@code component}.
	 * @param kinds the kinds
	 * @return this builder
	 */
	public TargetBuilder kinds(String... kinds) {
		this.target.setKinds(list(kinds));
		return this;
	}

	/**
	 * Select beans by name ({@code *} wildcards allowed).
	 * @param beans bean names
	 * @return this builder
	 */
	public TargetBuilder beans(String... beans) {
		this.target.setBeans(list(beans));
		return this;
	}

	/**
	 * Select beans by class: fully qualified names or Ant-style patterns such as
	 * {@code com.acme.**.*Client}; supertypes and interfaces count.
	 * @param classes the class names or patterns
	 * @return this builder
	 */
	public TargetBuilder classes(String... classes) {
		this.target.setClasses(list(classes));
		return this;
	}

	/**
	 * Select methods by name pattern such as {@code charge*}.
	 * @param methods the patterns
	 * @return this builder
	 */
	public TargetBuilder methods(String... methods) {
		this.target.setMethods(list(methods));
		return this;
	}

	/**
	 * Select calls made while serving matching HTTP requests.
	 * @param http customizes the request conditions
	 * @return this builder
	 */
	public TargetBuilder http(Consumer<HttpBuilder> http) {
		http.accept(new HttpBuilder(this.target.getHttp()));
		return this;
	}

	/**
	 * Select calls made for the given authenticated users.
	 * @param principals user names
	 * @return this builder
	 */
	public TargetBuilder principal(String... principals) {
		this.target.setPrincipal(list(principals));
		return this;
	}

	/**
	 * Select outbound HTTP calls instead of bean calls.
	 * @param client customizes the outbound call conditions
	 * @return this builder
	 */
	public TargetBuilder client(Consumer<ClientBuilder> client) {
		client.accept(new ClientBuilder(this.target.getClient()));
		return this;
	}

	/**
	 * Select calls to the application's JDBC data sources instead of bean calls.
	 * @param jdbc customizes the data source call conditions
	 * @return this builder
	 */
	public TargetBuilder jdbc(Consumer<DependencyTargets.JdbcBuilder> jdbc) {
		jdbc.accept(new DependencyTargets.JdbcBuilder(this.target.getJdbc()));
		return this;
	}

	/**
	 * Select operations on the application's Spring caches instead of bean calls.
	 * @param cache customizes the cache operation conditions
	 * @return this builder
	 */
	public TargetBuilder cache(Consumer<DependencyTargets.CacheBuilder> cache) {
		cache.accept(new DependencyTargets.CacheBuilder(this.target.getCache()));
		return this;
	}

	/**
	 * Select commands sent through the application's Redis connection factories instead
	 * of bean calls.
	 * @param redis customizes the command conditions
	 * @return this builder
	 */
	public TargetBuilder redis(Consumer<DependencyTargets.RedisBuilder> redis) {
		redis.accept(new DependencyTargets.RedisBuilder(this.target.getRedis()));
		return this;
	}

	/**
	 * Select records sent through the application's Kafka producer factories or received
	 * by its listener containers instead of bean calls.
	 * @param kafka customizes the record conditions
	 * @return this builder
	 */
	public TargetBuilder kafka(Consumer<DependencyTargets.KafkaBuilder> kafka) {
		kafka.accept(new DependencyTargets.KafkaBuilder(this.target.getKafka()));
		return this;
	}

	/**
	 * Select messages sent through the application's RabbitTemplate beans or received by
	 * its listener containers instead of bean calls.
	 * @param rabbit customizes the message conditions
	 * @return this builder
	 */
	public TargetBuilder rabbit(Consumer<DependencyTargets.RabbitBuilder> rabbit) {
		rabbit.accept(new DependencyTargets.RabbitBuilder(this.target.getRabbit()));
		return this;
	}

	/**
	 * Conditions on the inbound HTTP request.
	 */
	public static final class HttpBuilder {

		private final ChaosProperties.Http http;

		private HttpBuilder(ChaosProperties.Http http) {
			this.http = http;
		}

		/**
		 * Select requests by path pattern such as {@code /api/orders/**}.
		 * @param paths the patterns
		 * @return this builder
		 */
		public HttpBuilder paths(String... paths) {
			this.http.setPaths(list(paths));
			return this;
		}

		/**
		 * Select requests by HTTP method.
		 * @param methods the methods such as {@code POST}
		 * @return this builder
		 */
		public HttpBuilder methods(String... methods) {
			this.http.setMethods(list(methods));
			return this;
		}

		/**
		 * Select requests carrying a header with exactly the given value.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public HttpBuilder header(String name, String value) {
			this.http.getHeaders().put(name, value);
			return this;
		}

	}

	/**
	 * Conditions on an outbound HTTP call.
	 */
	public static final class ClientBuilder {

		private final ChaosProperties.Client client;

		private ClientBuilder(ChaosProperties.Client client) {
			this.client = client;
		}

		/**
		 * Select calls by host, exact or with a leading wildcard such as
		 * {@code *.example.com}.
		 * @param hosts the hosts
		 * @return this builder
		 */
		public ClientBuilder hosts(String... hosts) {
			this.client.setHosts(list(hosts));
			return this;
		}

		/**
		 * Select calls by path pattern.
		 * @param paths the patterns
		 * @return this builder
		 */
		public ClientBuilder paths(String... paths) {
			this.client.setPaths(list(paths));
			return this;
		}

		/**
		 * Select calls by HTTP method.
		 * @param methods the methods
		 * @return this builder
		 */
		public ClientBuilder methods(String... methods) {
			this.client.setMethods(list(methods));
			return this;
		}

	}

	static List<String> list(String[] items) {
		return new ArrayList<>(Arrays.asList(items));
	}

}
