package io.github.chaosstarter.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.config.AssaultSpec;
import io.github.chaosstarter.config.ChaosSpec;

/**
 * One immutable snapshot of everything an advised call needs to decide. A call reads the
 * current snapshot once and sees either the old or the new state of a change, never a
 * mix.
 *
 * @author Chaos Starter team
 */
public final class ChaosState {

	private static final Assault[] NO_ASSAULTS = {};

	/** The state before the runtime starts: off, no assaults. */
	public static final ChaosState OFF = new ChaosState(0, new ChaosSpec(false, false, null, Duration.ZERO,
			new ChaosSpec.GuardSpec(1.0, Duration.ofSeconds(30)), Map.of()), Map.of(), null, null,
			ChaosRandom.unseeded());

	private final long version;

	private final ChaosSpec spec;

	private final Map<String, Assault> assaults;

	private final Assault[] beanAssaults;

	private final Assault[] clientAssaults;

	private final boolean beanChaos;

	private final boolean clientChaos;

	private final boolean requestOnlyChaos;

	private final @Nullable Instant enabledAt;

	private final @Nullable Instant haltAt;

	private final ChaosRandom random;

	ChaosState(long version, ChaosSpec spec, Map<String, Assault> assaults, @Nullable Instant enabledAt,
			@Nullable Instant haltAt, ChaosRandom random) {
		this.version = version;
		this.spec = spec;
		this.assaults = Collections.unmodifiableMap(new LinkedHashMap<>(assaults));
		List<Assault> bean = new ArrayList<>();
		List<Assault> client = new ArrayList<>();
		boolean requestOnly = false;
		for (Assault assault : assaults.values()) {
			AssaultSpec assaultSpec = assault.spec();
			if (!assaultSpec.enabled()) {
				continue;
			}
			if (assaultSpec.target().isClient()) {
				client.add(assault);
			}
			else {
				bean.add(assault);
				requestOnly |= assaultSpec.target().hasRequestConditions() && !assaultSpec.target().hasBeanConditions();
			}
		}
		this.beanAssaults = bean.toArray(NO_ASSAULTS);
		this.clientAssaults = client.toArray(NO_ASSAULTS);
		this.beanChaos = spec.enabled() && this.beanAssaults.length > 0;
		this.clientChaos = spec.enabled() && this.clientAssaults.length > 0;
		this.requestOnlyChaos = spec.enabled() && requestOnly;
		this.enabledAt = enabledAt;
		this.haltAt = haltAt;
		this.random = random;
	}

	/**
	 * Return a number that changes with every swap, for caches keyed by state.
	 * @return the version
	 */
	public long version() {
		return this.version;
	}

	/**
	 * Return the specification of this state.
	 * @return the spec
	 */
	public ChaosSpec spec() {
		return this.spec;
	}

	/**
	 * Return whether chaos is on.
	 * @return {@code true} when enabled
	 */
	public boolean enabled() {
		return this.spec.enabled();
	}

	/**
	 * Return whether bean advice has anything to do: chaos is on and an enabled assault
	 * targets bean calls. The one check an advised call makes while chaos is off.
	 * @return {@code true} when bean calls may be attacked
	 */
	public boolean beanChaos() {
		return this.beanChaos;
	}

	/**
	 * Return whether outbound client calls may be attacked.
	 * @return {@code true} when an enabled assault has a client target
	 */
	public boolean clientChaos() {
		return this.clientChaos;
	}

	/**
	 * Return whether an enabled assault selects requests only (http or principal
	 * conditions, no bean conditions), so that it applies to matching requests even when
	 * they reach no watched bean.
	 * @return {@code true} when such an assault exists
	 */
	public boolean requestOnlyChaos() {
		return this.requestOnlyChaos;
	}

	/**
	 * Return all assaults by name, enabled or not.
	 * @return the assaults
	 */
	public Map<String, Assault> assaults() {
		return this.assaults;
	}

	/**
	 * Return the enabled assaults that target bean calls.
	 * @return the assaults; do not modify
	 */
	public Assault[] beanAssaults() {
		return this.beanAssaults;
	}

	/**
	 * Return the enabled assaults that target outbound client calls.
	 * @return the assaults; do not modify
	 */
	public Assault[] clientAssaults() {
		return this.clientAssaults;
	}

	/**
	 * Return when chaos was last enabled.
	 * @return the instant or {@code null} while off
	 */
	public @Nullable Instant enabledAt() {
		return this.enabledAt;
	}

	/**
	 * Return when chaos switches itself off.
	 * @return the instant or {@code null} when no duration is set or chaos is off
	 */
	public @Nullable Instant haltAt() {
		return this.haltAt;
	}

	/**
	 * Return the generator for probability decisions.
	 * @return the generator
	 */
	public ChaosRandom random() {
		return this.random;
	}

}
