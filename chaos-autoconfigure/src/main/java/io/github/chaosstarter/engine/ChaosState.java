package io.github.chaosstarter.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of everything a call needs to decide. A call reads the current
 * snapshot once and sees either the old or the new state of a change, never a mix.
 *
 * @author Chaos Starter team
 */
final class ChaosState {

	private static final Assault[] NO_ASSAULTS = {};

	static final ChaosState OFF = new ChaosState(0, ChaosSpec.OFF, Map.of(), null, null, ChaosRandom.unseeded(),
			Dispatch.NONE);

	private final long version;

	private final ChaosSpec spec;

	private final Map<String, Assault> assaults;

	private final Assault[] beanAssaults;

	private final Assault[] requestAssaults;

	private final Assault[] clientAssaults;

	private final Assault[] jdbcAssaults;

	private final Assault[] cacheAssaults;

	private final Assault[] redisAssaults;

	private final Assault[] kafkaAssaults;

	private final Assault[] rabbitAssaults;

	private final Assault[] poolAssaults;

	private final boolean needsPrincipal;

	private final boolean requestConditions;

	private final @Nullable Instant enabledAt;

	private final @Nullable Instant haltAt;

	private final ChaosRandom random;

	private final Dispatch dispatch;

	ChaosState(long version, ChaosSpec spec, Map<String, Assault> assaults, @Nullable Instant enabledAt,
			@Nullable Instant haltAt, ChaosRandom random, Dispatch dispatch) {
		this.version = version;
		this.spec = spec;
		this.assaults = Collections.unmodifiableMap(new LinkedHashMap<>(assaults));
		List<Assault> bean = new ArrayList<>();
		List<Assault> request = new ArrayList<>();
		List<Assault> client = new ArrayList<>();
		List<Assault> jdbc = new ArrayList<>();
		List<Assault> cache = new ArrayList<>();
		List<Assault> redis = new ArrayList<>();
		List<Assault> kafka = new ArrayList<>();
		List<Assault> rabbit = new ArrayList<>();
		List<Assault> pools = new ArrayList<>();
		boolean principal = false;
		boolean conditions = false;
		if (spec.enabled()) {
			for (Assault assault : assaults.values()) {
				TargetSpec target = assault.spec().target();
				if (!assault.spec().enabled()) {
					continue;
				}
				if (assault.spec().effect() instanceof AssaultSpec.PoolExhaustionSpec) {
					pools.add(assault);
					continue;
				}
				List<Assault> list = target.isClient() ? client
						: target.isJdbc() ? jdbc
								: target.isCache() ? cache : target.isRedis() ? redis : target.isKafka() ? kafka
										: target.isRabbit() ? rabbit : (target.requestOnly() ? request : bean);
				list.add(assault);
				principal |= !target.principals().isEmpty();
				conditions |= target.hasRequestConditions();
			}
		}
		this.beanAssaults = bean.toArray(NO_ASSAULTS);
		this.requestAssaults = request.toArray(NO_ASSAULTS);
		this.clientAssaults = client.toArray(NO_ASSAULTS);
		this.jdbcAssaults = jdbc.toArray(NO_ASSAULTS);
		this.cacheAssaults = cache.toArray(NO_ASSAULTS);
		this.redisAssaults = redis.toArray(NO_ASSAULTS);
		this.kafkaAssaults = kafka.toArray(NO_ASSAULTS);
		this.rabbitAssaults = rabbit.toArray(NO_ASSAULTS);
		this.poolAssaults = pools.toArray(NO_ASSAULTS);
		this.needsPrincipal = principal;
		this.requestConditions = conditions;
		this.enabledAt = enabledAt;
		this.haltAt = haltAt;
		this.random = random;
		this.dispatch = dispatch;
	}

	ChaosState withDispatch(Dispatch dispatch) {
		return new ChaosState(this.version, this.spec, this.assaults, this.enabledAt, this.haltAt, this.random,
				dispatch);
	}

	long version() {
		return this.version;
	}

	ChaosSpec spec() {
		return this.spec;
	}

	boolean enabled() {
		return this.spec.enabled();
	}

	/**
	 * Return whether an enabled assault may strike bean calls: the one check an advised
	 * call makes while chaos is off.
	 */
	boolean beanChaos() {
		return this.beanAssaults.length > 0;
	}

	boolean requestChaos() {
		return this.requestAssaults.length > 0;
	}

	boolean clientChaos() {
		return this.clientAssaults.length > 0;
	}

	boolean jdbcChaos() {
		return this.jdbcAssaults.length > 0 || this.poolAssaults.length > 0;
	}

	/**
	 * Return whether an enabled assault has request conditions, so that the request must
	 * be known wherever calls are decided.
	 */
	boolean requestConditions() {
		return this.requestConditions;
	}

	boolean needsPrincipal() {
		return this.needsPrincipal;
	}

	Map<String, Assault> assaults() {
		return this.assaults;
	}

	/** Enabled assaults on bean calls while chaos is on; do not modify. */
	Assault[] beanAssaults() {
		return this.beanAssaults;
	}

	/** Enabled request-only assaults while chaos is on; do not modify. */
	Assault[] requestAssaults() {
		return this.requestAssaults;
	}

	/** Enabled pool-exhaustion assaults while chaos is on; do not modify. */
	Assault[] poolAssaults() {
		return this.poolAssaults;
	}

	/** Enabled assaults on data source calls while chaos is on; do not modify. */
	Assault[] jdbcAssaults() {
		return this.jdbcAssaults;
	}

	Assault[] cacheAssaults() {
		return this.cacheAssaults;
	}

	Assault[] redisAssaults() {
		return this.redisAssaults;
	}

	Assault[] kafkaAssaults() {
		return this.kafkaAssaults;
	}

	Assault[] rabbitAssaults() {
		return this.rabbitAssaults;
	}

	/** Enabled assaults on outbound calls while chaos is on; do not modify. */
	Assault[] clientAssaults() {
		return this.clientAssaults;
	}

	@Nullable Instant enabledAt() {
		return this.enabledAt;
	}

	@Nullable Instant haltAt() {
		return this.haltAt;
	}

	ChaosRandom random() {
		return this.random;
	}

	Dispatch dispatch() {
		return this.dispatch;
	}

}
