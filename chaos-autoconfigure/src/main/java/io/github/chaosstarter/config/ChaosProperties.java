package io.github.chaosstarter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Chaos Starter, bound from {@code chaos.*}. This class is
 * only a binding target: it is validated and compiled into an immutable {@link ChaosSpec}
 * once, and never changed at runtime (runtime changes go through the {@code chaos}
 * endpoint or the {@code Chaos} API, which bind the same classes afresh).
 *
 * @author Chaos Starter team
 */
@ConfigurationProperties(prefix = "chaos", ignoreUnknownFields = false)
public class ChaosProperties {

	/**
	 * Whether chaos is on. Nothing is attacked while false. Can be switched at runtime
	 * through the chaos endpoint.
	 */
	private boolean enabled = false;

	/**
	 * Which beans get advice at all. Decided at startup.
	 */
	private final Watch watch = new Watch();

	/**
	 * Whether kill assaults are allowed. Only honoured when set in the application's own
	 * configuration, never through the endpoint.
	 */
	private boolean allowKill = false;

	/**
	 * How long chaos stays on after it was enabled before it switches itself off. Zero
	 * means until it is switched off.
	 */
	private Duration duration = Duration.ZERO;

	/**
	 * Whether to only count what would be injected and inject nothing.
	 */
	private boolean dryRun = false;

	/**
	 * Seed of the random generator behind every probability decision, so that an
	 * experiment can be replayed. Random when not set.
	 */
	private @Nullable Long seed;

	/**
	 * In-application safety stop: chaos halts itself when the service suffers too much.
	 */
	private final Guard guard = new Guard();

	/**
	 * The steady state that must hold while chaos runs: the experiment verdict of the
	 * report checks it. Not set means no experiment verdict.
	 */
	private @Nullable Hypothesis hypothesis;

	/**
	 * The classification of the dependencies that the report verifies: each dependency
	 * named here gets a verdict. Not set means the report only observes.
	 */
	private @Nullable Expect expect;

	/**
	 * The endpoint compatible with Chaos Monkey for Spring Boot. Decided at startup.
	 */
	private final ChaosMonkeyApi chaosMonkeyApi = new ChaosMonkeyApi();

	/**
	 * Headers of an inbound request that outbound calls made while serving it (through
	 * RestClient, RestTemplate or WebClient built by Spring) carry on, so that a
	 * downstream service's assaults with request conditions on these headers hit the same
	 * user journey. Decided at startup.
	 */
	private List<String> propagateHeaders = new ArrayList<>();

	/**
	 * Fleet experiments over Spring Cloud Bus. Decided at startup.
	 */
	private final Fleet fleet = new Fleet();

	/**
	 * Assaults by name.
	 */
	private Map<String, Assault> assaults = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Watch getWatch() {
		return this.watch;
	}

	public boolean isAllowKill() {
		return this.allowKill;
	}

	public void setAllowKill(boolean allowKill) {
		this.allowKill = allowKill;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		this.duration = duration;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public void setDryRun(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public @Nullable Long getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Long seed) {
		this.seed = seed;
	}

	public Guard getGuard() {
		return this.guard;
	}

	public @Nullable Hypothesis getHypothesis() {
		return this.hypothesis;
	}

	public void setHypothesis(@Nullable Hypothesis hypothesis) {
		this.hypothesis = hypothesis;
	}

	public @Nullable Expect getExpect() {
		return this.expect;
	}

	public void setExpect(@Nullable Expect expect) {
		this.expect = expect;
	}

	public ChaosMonkeyApi getChaosMonkeyApi() {
		return this.chaosMonkeyApi;
	}

	public List<String> getPropagateHeaders() {
		return this.propagateHeaders;
	}

	public void setPropagateHeaders(List<String> propagateHeaders) {
		this.propagateHeaders = propagateHeaders;
	}

	public Fleet getFleet() {
		return this.fleet;
	}

	public Map<String, Assault> getAssaults() {
		return this.assaults;
	}

	public void setAssaults(Map<String, Assault> assaults) {
		this.assaults = assaults;
	}

	/**
	 * The endpoint {@code chaosmonkey}, which accepts the calls that Chaos Toolkit and
	 * LitmusChaos send to Chaos Monkey for Spring Boot.
	 */
	public static class ChaosMonkeyApi {

		/**
		 * Whether to provide the endpoint chaosmonkey, compatible with Chaos Monkey for
		 * Spring Boot, so that Chaos Toolkit and LitmusChaos can drive chaos unchanged.
		 * Decided at startup.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Fleet experiments: one change applied across the instances of a Spring Cloud Bus.
	 */
	public static class Fleet {

		/**
		 * Whether this instance provides the fleet operations of the chaos endpoint
		 * (/actuator/chaos/fleet) and answers fleet-wide changes sent over Spring Cloud
		 * Bus. Needs Spring Cloud Bus. Decided at startup.
		 */
		private boolean enabled = false;

		/**
		 * How long a fleet operation waits for the instances' answers to its roll call,
		 * and then for their replies.
		 */
		private Duration ackTimeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getAckTimeout() {
			return this.ackTimeout;
		}

		public void setAckTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
		}

	}

	/**
	 * Which beans get advice.
	 */
	public static class Watch {

		/**
		 * Bean kinds that get advice: service, repository, rest-controller, controller,
		 * component. Decided at startup.
		 */
		private List<String> kinds = new ArrayList<>(List.of("service", "repository", "rest-controller", "controller"));

		public List<String> getKinds() {
			return this.kinds;
		}

		public void setKinds(List<String> kinds) {
			this.kinds = kinds;
		}

	}

	/**
	 * In-application safety stop.
	 */
	public static class Guard {

		/**
		 * Share of HTTP server responses with a 5xx status over the window above which
		 * chaos halts itself. 1.0 switches the guard off.
		 */
		private double maxErrorRate = 1.0;

		/**
		 * Window over which the error rate is measured.
		 */
		private Duration window = Duration.ofSeconds(30);

		public double getMaxErrorRate() {
			return this.maxErrorRate;
		}

		public void setMaxErrorRate(double maxErrorRate) {
			this.maxErrorRate = maxErrorRate;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * The steady state that must hold while chaos runs.
	 */
	public static class Hypothesis {

		/**
		 * Path patterns of the inbound requests that count. Empty means every request but
		 * those of the actuator endpoints.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * Largest share of 5xx responses while chaos runs. Not set means not checked.
		 */
		private @Nullable Double maxErrorRate;

		/**
		 * Largest 99th percentile of the response time while chaos runs. Not set means
		 * not checked.
		 */
		private @Nullable Duration maxLatency;

		/**
		 * Window before chaos was switched on whose requests are the baseline.
		 */
		private Duration baseline = Duration.ofMinutes(5);

		/**
		 * Fewest requests in the baseline and in the experiment for a verdict.
		 */
		private int minRequests = 10;

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public @Nullable Double getMaxErrorRate() {
			return this.maxErrorRate;
		}

		public void setMaxErrorRate(@Nullable Double maxErrorRate) {
			this.maxErrorRate = maxErrorRate;
		}

		public @Nullable Duration getMaxLatency() {
			return this.maxLatency;
		}

		public void setMaxLatency(@Nullable Duration maxLatency) {
			this.maxLatency = maxLatency;
		}

		public Duration getBaseline() {
			return this.baseline;
		}

		public void setBaseline(Duration baseline) {
			this.baseline = baseline;
		}

		public int getMinRequests() {
			return this.minRequests;
		}

		public void setMinRequests(int minRequests) {
			this.minRequests = minRequests;
		}

	}

	/**
	 * A named rule: a target, exactly one effect and how often.
	 */
	public static class Assault {

		/**
		 * Which calls to attack. Empty matches every call of every watched bean.
		 */
		private Target target = new Target();

		/**
		 * Exception effect: throw (or signal) an exception.
		 */
		private @Nullable ExceptionEffect exception;

		/**
		 * Latency effect: delay the call.
		 */
		private @Nullable Latency latency;

		/**
		 * Error response effect: answer with an HTTP error status.
		 */
		private @Nullable ErrorResponse errorResponse;

		/**
		 * Unavailable effect: the dependency a client, jdbc or cache target selects
		 * cannot be reached.
		 */
		private @Nullable Unavailable unavailable;

		/**
		 * Miss effect: every get on the caches a cache target selects misses, so the
		 * application's slow path runs.
		 */
		private @Nullable Miss miss;

		/**
		 * Pool exhaustion effect: hold connections of the pool a jdbc target selects.
		 */
		private @Nullable PoolExhaustion poolExhaustion;

		/**
		 * Kill effect: stop the application. Requires chaos.allow-kill=true.
		 */
		private @Nullable Kill kill;

		/**
		 * Probability that a matching call is attacked, from 0.0 to 1.0.
		 */
		private double probability = 1.0;

		/**
		 * Number of injections after which the assault stops. Unlimited when not set.
		 */
		private @Nullable Long maxInjections;

		/**
		 * Whether this assault is active.
		 */
		private boolean enabled = true;

		/**
		 * Name of the dependency this assault attacks, as the report and chaos.expect
		 * name it. Not set means the name the target gives it, such as jdbc:dataSource or
		 * http:payments.example.com:443.
		 */
		private @Nullable String dependency;

		public Target getTarget() {
			return this.target;
		}

		public void setTarget(Target target) {
			this.target = target;
		}

		public @Nullable ExceptionEffect getException() {
			return this.exception;
		}

		public void setException(@Nullable ExceptionEffect exception) {
			this.exception = exception;
		}

		public @Nullable Latency getLatency() {
			return this.latency;
		}

		public void setLatency(@Nullable Latency latency) {
			this.latency = latency;
		}

		public @Nullable ErrorResponse getErrorResponse() {
			return this.errorResponse;
		}

		public void setErrorResponse(@Nullable ErrorResponse errorResponse) {
			this.errorResponse = errorResponse;
		}

		public @Nullable Unavailable getUnavailable() {
			return this.unavailable;
		}

		public void setUnavailable(@Nullable Unavailable unavailable) {
			this.unavailable = unavailable;
		}

		public @Nullable Miss getMiss() {
			return this.miss;
		}

		public void setMiss(@Nullable Miss miss) {
			this.miss = miss;
		}

		public @Nullable PoolExhaustion getPoolExhaustion() {
			return this.poolExhaustion;
		}

		public void setPoolExhaustion(@Nullable PoolExhaustion poolExhaustion) {
			this.poolExhaustion = poolExhaustion;
		}

		public @Nullable Kill getKill() {
			return this.kill;
		}

		public void setKill(@Nullable Kill kill) {
			this.kill = kill;
		}

		public double getProbability() {
			return this.probability;
		}

		public void setProbability(double probability) {
			this.probability = probability;
		}

		public @Nullable Long getMaxInjections() {
			return this.maxInjections;
		}

		public void setMaxInjections(@Nullable Long maxInjections) {
			this.maxInjections = maxInjections;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDependency() {
			return this.dependency;
		}

		public void setDependency(@Nullable String dependency) {
			this.dependency = dependency;
		}

	}

	/**
	 * The expected class of each dependency: whether the service may fail, may degrade,
	 * or must not notice when it is down or slow.
	 */
	public static class Expect {

		/**
		 * Dependencies without which the service fails its callers.
		 */
		private List<String> critical = new ArrayList<>();

		/**
		 * Dependencies without which the service still answers, degraded (a fallback, a
		 * slower answer).
		 */
		private List<String> degradable = new ArrayList<>();

		/**
		 * Dependencies whose loss callers do not notice.
		 */
		private List<String> optional = new ArrayList<>();

		public List<String> getCritical() {
			return this.critical;
		}

		public void setCritical(List<String> critical) {
			this.critical = critical;
		}

		public List<String> getDegradable() {
			return this.degradable;
		}

		public void setDegradable(List<String> degradable) {
			this.degradable = degradable;
		}

		public List<String> getOptional() {
			return this.optional;
		}

		public void setOptional(List<String> optional) {
			this.optional = optional;
		}

	}

	/**
	 * Which calls an assault attacks. All given conditions must hold.
	 */
	public static class Target {

		/**
		 * Bean kinds: service, repository, rest-controller, controller, component. Empty
		 * means every watched kind.
		 */
		private List<String> kinds = new ArrayList<>();

		/**
		 * Bean names.
		 */
		private List<String> beans = new ArrayList<>();

		/**
		 * Fully qualified class names or Ant-style patterns such as com.acme.**.*Client.
		 */
		private List<String> classes = new ArrayList<>();

		/**
		 * Method name patterns such as charge*.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Conditions on the inbound HTTP request being served.
		 */
		private Http http = new Http();

		/**
		 * Name of the authenticated user, where Spring Security is present.
		 */
		private List<String> principal = new ArrayList<>();

		/**
		 * Outbound HTTP calls made through RestClient, RestTemplate or WebClient built
		 * from Spring Boot's builders.
		 */
		private Client client = new Client();

		/**
		 * Calls to the application's JDBC data sources: connections and statements.
		 */
		private Jdbc jdbc = new Jdbc();

		/**
		 * Operations on the application's Spring caches, made through Spring's caching
		 * annotations.
		 */
		private Cache cache = new Cache();

		/**
		 * Commands sent through the application's Spring Data Redis connection factories.
		 */
		private Redis redis = new Redis();

		/**
		 * Records sent through the application's Spring Kafka producer factories and
		 * received by its Kafka listener containers.
		 */
		private Kafka kafka = new Kafka();

		/**
		 * Messages sent through the application's RabbitTemplate beans and received by
		 * its Rabbit listener containers.
		 */
		private Rabbit rabbit = new Rabbit();

		public List<String> getKinds() {
			return this.kinds;
		}

		public void setKinds(List<String> kinds) {
			this.kinds = kinds;
		}

		public List<String> getBeans() {
			return this.beans;
		}

		public void setBeans(List<String> beans) {
			this.beans = beans;
		}

		public List<String> getClasses() {
			return this.classes;
		}

		public void setClasses(List<String> classes) {
			this.classes = classes;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public Http getHttp() {
			return this.http;
		}

		public void setHttp(Http http) {
			this.http = http;
		}

		public List<String> getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(List<String> principal) {
			this.principal = principal;
		}

		public Client getClient() {
			return this.client;
		}

		public void setClient(Client client) {
			this.client = client;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public void setJdbc(Jdbc jdbc) {
			this.jdbc = jdbc;
		}

		public Cache getCache() {
			return this.cache;
		}

		public void setCache(Cache cache) {
			this.cache = cache;
		}

		public Redis getRedis() {
			return this.redis;
		}

		public void setRedis(Redis redis) {
			this.redis = redis;
		}

		public Kafka getKafka() {
			return this.kafka;
		}

		public void setKafka(Kafka kafka) {
			this.kafka = kafka;
		}

		public Rabbit getRabbit() {
			return this.rabbit;
		}

		public void setRabbit(Rabbit rabbit) {
			this.rabbit = rabbit;
		}

	}

	/**
	 * Conditions on the inbound HTTP request.
	 */
	public static class Http {

		/**
		 * Spring path patterns such as /api/orders/**.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * HTTP methods such as GET or POST.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Request headers that must carry exactly the given values, such as X-Chaos: on.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

	/**
	 * Conditions on an outbound HTTP call.
	 */
	public static class Client {

		/**
		 * Host names, exact or with a leading wildcard such as *.example.com.
		 */
		private List<String> hosts = new ArrayList<>();

		/**
		 * Spring path patterns of the outbound request.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * HTTP methods of the outbound request.
		 */
		private List<String> methods = new ArrayList<>();

		public List<String> getHosts() {
			return this.hosts;
		}

		public void setHosts(List<String> hosts) {
			this.hosts = hosts;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

	}

	/**
	 * Conditions on calls to a JDBC data source.
	 */
	public static class Jdbc {

		/**
		 * Bean names of the data sources, or simple patterns such as *DataSource.
		 */
		private List<String> dataSources = new ArrayList<>();

		/**
		 * Operations: connect (obtaining a connection), query (statements that read) or
		 * update (statements that write).
		 */
		private List<String> operations = new ArrayList<>();

		/**
		 * SQL patterns, case-insensitive, with * for any text, such as *from orders*.
		 */
		private List<String> statements = new ArrayList<>();

		public List<String> getDataSources() {
			return this.dataSources;
		}

		public void setDataSources(List<String> dataSources) {
			this.dataSources = dataSources;
		}

		public List<String> getOperations() {
			return this.operations;
		}

		public void setOperations(List<String> operations) {
			this.operations = operations;
		}

		public List<String> getStatements() {
			return this.statements;
		}

		public void setStatements(List<String> statements) {
			this.statements = statements;
		}

	}

	/**
	 * Conditions on operations on Spring caches.
	 */
	public static class Cache {

		/**
		 * Cache names, or simple patterns such as price*.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * Operations: get (reads, including the value loader of sync caching), put
		 * (writes) or evict (evictions and clears).
		 */
		private List<String> operations = new ArrayList<>();

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public List<String> getOperations() {
			return this.operations;
		}

		public void setOperations(List<String> operations) {
			this.operations = operations;
		}

	}

	/**
	 * Conditions on Redis commands.
	 */
	public static class Redis {

		/**
		 * Redis commands, such as GET, SET or HGET.
		 */
		private List<String> commands = new ArrayList<>();

		/**
		 * Key patterns, such as session:*; a command whose first argument is not a key is
		 * not selected by them.
		 */
		private List<String> keys = new ArrayList<>();

		public List<String> getCommands() {
			return this.commands;
		}

		public void setCommands(List<String> commands) {
			this.commands = commands;
		}

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

	}

	/**
	 * Conditions on Kafka records.
	 */
	public static class Kafka {

		/**
		 * Topics, or simple patterns such as orders*.
		 */
		private List<String> topics = new ArrayList<>();

		/**
		 * Operations: send (records sent by a KafkaTemplate) or receive (records handed
		 * to a record listener, before the listener method runs).
		 */
		private List<String> operations = new ArrayList<>();

		public List<String> getTopics() {
			return this.topics;
		}

		public void setTopics(List<String> topics) {
			this.topics = topics;
		}

		public List<String> getOperations() {
			return this.operations;
		}

		public void setOperations(List<String> operations) {
			this.operations = operations;
		}

	}

	/**
	 * Conditions on RabbitMQ messages.
	 */
	public static class Rabbit {

		/**
		 * Exchanges, or simple patterns such as order*; the default exchange is "".
		 */
		private List<String> exchanges = new ArrayList<>();

		/**
		 * Routing keys, or simple patterns such as order.*.
		 */
		private List<String> routingKeys = new ArrayList<>();

		/**
		 * Operations: send (messages sent by a RabbitTemplate) or receive (messages
		 * handed to a listener container's listener, before the listener runs).
		 */
		private List<String> operations = new ArrayList<>();

		public List<String> getExchanges() {
			return this.exchanges;
		}

		public void setExchanges(List<String> exchanges) {
			this.exchanges = exchanges;
		}

		public List<String> getRoutingKeys() {
			return this.routingKeys;
		}

		public void setRoutingKeys(List<String> routingKeys) {
			this.routingKeys = routingKeys;
		}

		public List<String> getOperations() {
			return this.operations;
		}

		public void setOperations(List<String> operations) {
			this.operations = operations;
		}

	}

	/**
	 * Exception effect.
	 */
	public static class ExceptionEffect {

		/**
		 * Fully qualified name of the Throwable to throw.
		 */
		private String type = "io.github.chaosstarter.ChaosException";

		/**
		 * Message of the exception, after the "Chaos assault 'name': " prefix.
		 */
		private String message = "injected failure";

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

	}

	/**
	 * Latency effect.
	 */
	public static class Latency {

		/**
		 * Shortest delay.
		 */
		private @Nullable Duration min;

		/**
		 * Longest delay. A fixed delay when equal to min.
		 */
		private @Nullable Duration max;

		public @Nullable Duration getMin() {
			return this.min;
		}

		public void setMin(@Nullable Duration min) {
			this.min = min;
		}

		public @Nullable Duration getMax() {
			return this.max;
		}

		public void setMax(@Nullable Duration max) {
			this.max = max;
		}

	}

	/**
	 * Error response effect.
	 */
	public static class ErrorResponse {

		/**
		 * HTTP status, from 400 to 599.
		 */
		private int status = 503;

		/**
		 * Value of the Retry-After header. No header when not set.
		 */
		private @Nullable Duration retryAfter;

		public int getStatus() {
			return this.status;
		}

		public void setStatus(int status) {
			this.status = status;
		}

		public @Nullable Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(@Nullable Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

	}

	/**
	 * Unavailable effect.
	 */
	public static class Unavailable {

		/**
		 * Whether to fail at once instead of after the wait the real client shows when
		 * the dependency cannot be reached. A refused HTTP connection fails at once
		 * either way.
		 */
		private boolean immediately;

		public boolean isImmediately() {
			return this.immediately;
		}

		public void setImmediately(boolean immediately) {
			this.immediately = immediately;
		}

	}

	/**
	 * Miss effect.
	 */
	public static class Miss {

		/**
		 * Whether every get misses. The one key of this effect: write it, since YAML
		 * drops an empty {@code miss: {}}.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Pool exhaustion effect.
	 */
	public static class PoolExhaustion {

		/**
		 * How many connections to hold: all (the pool's maximum size) or a number.
		 */
		private String connections = "all";

		/**
		 * How long to hold them. Until chaos stops when not set.
		 */
		private @Nullable Duration hold;

		public String getConnections() {
			return this.connections;
		}

		public void setConnections(String connections) {
			this.connections = connections;
		}

		public @Nullable Duration getHold() {
			return this.hold;
		}

		public void setHold(@Nullable Duration hold) {
			this.hold = hold;
		}

	}

	/**
	 * Kill effect.
	 */
	public static class Kill {

		/**
		 * How to stop: graceful (the context closes as on SIGTERM) or abrupt (the JVM
		 * halts at once, as on SIGKILL).
		 */
		private String mode = "graceful";

		/**
		 * Exit code of the process.
		 */
		private int exitCode = 1;

		public String getMode() {
			return this.mode;
		}

		public void setMode(String mode) {
			this.mode = mode;
		}

		public int getExitCode() {
			return this.exitCode;
		}

		public void setExitCode(int exitCode) {
			this.exitCode = exitCode;
		}

	}

}
