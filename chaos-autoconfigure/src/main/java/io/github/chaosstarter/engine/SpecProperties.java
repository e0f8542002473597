package io.github.chaosstarter.engine;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;

import io.github.chaosstarter.config.ChaosProperties;

/**
 * The one inverse mapping: a specification written back into the {@link ChaosProperties}
 * classes (the base a change is bound over), and a properties object written as the
 * nested map that {@code GET /actuator/chaos} shows, with the names of the properties in
 * camelCase, durations as in configuration files and nothing that is not set.
 *
 * @author Chaos Starter team
 */
final class SpecProperties {

	private SpecProperties() {
	}

	/**
	 * Write the top-level values of a specification as properties; assaults are left out
	 * (a change replaces an assault whole).
	 */
	static ChaosProperties properties(ChaosSpec spec) {
		ChaosProperties properties = new ChaosProperties();
		properties.setEnabled(spec.enabled());
		properties.setDryRun(spec.dryRun());
		properties.setSeed(spec.seed());
		properties.setDuration(spec.duration());
		properties.getGuard().setMaxErrorRate(spec.guard().maxErrorRate());
		properties.getGuard().setWindow(spec.guard().window());
		ChaosSpec.HypothesisSpec hypothesis = spec.hypothesis();
		if (hypothesis != null) {
			ChaosProperties.Hypothesis given = new ChaosProperties.Hypothesis();
			given.setPaths(new ArrayList<>(hypothesis.paths()));
			given.setMaxErrorRate(hypothesis.maxErrorRate());
			given.setMaxLatency(hypothesis.maxLatency());
			given.setBaseline(hypothesis.baseline());
			given.setMinRequests(hypothesis.minRequests());
			properties.setHypothesis(given);
		}
		if (!spec.expect().classes().isEmpty()) {
			ChaosProperties.Expect expect = new ChaosProperties.Expect();
			spec.expect().classes().forEach((name, kind) -> (switch (kind) {
				case "critical" -> expect.getCritical();
				case "degradable" -> expect.getDegradable();
				default -> expect.getOptional();
			}).add(name));
			properties.setExpect(expect);
		}
		return properties;
	}

	/**
	 * Write an assault specification as properties.
	 */
	static ChaosProperties.Assault assault(AssaultSpec spec) {
		ChaosProperties.Assault assault = new ChaosProperties.Assault();
		TargetSpec target = spec.target();
		ChaosProperties.Target properties = assault.getTarget();
		properties.setKinds(new ArrayList<>(target.kinds().stream().map(BeanKind::id).toList()));
		properties.setBeans(new ArrayList<>(target.beans()));
		properties.setClasses(new ArrayList<>(target.classes()));
		properties.setMethods(new ArrayList<>(target.methods()));
		properties.getHttp().setPaths(new ArrayList<>(target.http().paths()));
		properties.getHttp().setMethods(new ArrayList<>(target.http().methods()));
		properties.getHttp().setHeaders(new LinkedHashMap<>(target.http().headers()));
		properties.setPrincipal(new ArrayList<>(target.principals()));
		properties.getClient().setHosts(new ArrayList<>(target.client().hosts()));
		properties.getClient().setPaths(new ArrayList<>(target.client().paths()));
		properties.getClient().setMethods(new ArrayList<>(target.client().methods()));
		properties.getJdbc().setDataSources(new ArrayList<>(target.jdbc().dataSources()));
		properties.getJdbc().setOperations(new ArrayList<>(target.jdbc().operations()));
		properties.getJdbc().setStatements(new ArrayList<>(target.jdbc().statements()));
		properties.getCache().setNames(new ArrayList<>(target.cache().names()));
		properties.getCache().setOperations(new ArrayList<>(target.cache().operations()));
		properties.getRedis().setCommands(new ArrayList<>(target.redis().commands()));
		properties.getRedis().setKeys(new ArrayList<>(target.redis().keys()));
		properties.getKafka().setTopics(new ArrayList<>(target.kafka().destinations()));
		properties.getKafka().setOperations(new ArrayList<>(target.kafka().operations()));
		properties.getRabbit().setExchanges(new ArrayList<>(target.rabbit().destinations()));
		properties.getRabbit().setRoutingKeys(new ArrayList<>(target.rabbit().routingKeys()));
		properties.getRabbit().setOperations(new ArrayList<>(target.rabbit().operations()));
		if (spec.effect() instanceof AssaultSpec.ExceptionSpec exception) {
			ChaosProperties.ExceptionEffect effect = new ChaosProperties.ExceptionEffect();
			effect.setType(exception.type().getName());
			effect.setMessage(exception.message());
			assault.setException(effect);
		}
		else if (spec.effect() instanceof AssaultSpec.LatencySpec latency) {
			ChaosProperties.Latency effect = new ChaosProperties.Latency();
			effect.setMin(latency.min());
			effect.setMax(latency.max());
			assault.setLatency(effect);
		}
		else if (spec.effect() instanceof AssaultSpec.ErrorResponseSpec response) {
			ChaosProperties.ErrorResponse effect = new ChaosProperties.ErrorResponse();
			effect.setStatus(response.status());
			effect.setRetryAfter(response.retryAfter());
			assault.setErrorResponse(effect);
		}
		else if (spec.effect() instanceof AssaultSpec.UnavailableSpec unavailable) {
			ChaosProperties.Unavailable effect = new ChaosProperties.Unavailable();
			effect.setImmediately(unavailable.immediately());
			assault.setUnavailable(effect);
		}
		else if (spec.effect() instanceof AssaultSpec.MissSpec) {
			assault.setMiss(new ChaosProperties.Miss());
		}
		else if (spec.effect() instanceof AssaultSpec.PoolExhaustionSpec exhaustion) {
			ChaosProperties.PoolExhaustion effect = new ChaosProperties.PoolExhaustion();
			effect.setConnections(exhaustion.connectionsText());
			effect.setHold(exhaustion.hold());
			assault.setPoolExhaustion(effect);
		}
		else if (spec.effect() instanceof AssaultSpec.KillSpec kill) {
			ChaosProperties.Kill effect = new ChaosProperties.Kill();
			effect.setMode(kill.mode());
			effect.setExitCode(kill.exitCode());
			assault.setKill(effect);
		}
		assault.setProbability(spec.probability());
		assault.setMaxInjections(spec.maxInjections());
		assault.setEnabled(spec.enabled());
		assault.setDependency(spec.dependency());
		return assault;
	}

	/**
	 * Write a properties object as a nested map, leaving out what is not set (empty
	 * lists, maps and objects, and {@code null} values).
	 * @param bean a properties object
	 * @return the values by camelCase name
	 */
	static Map<String, Object> describe(Object bean) {
		Map<String, Object> result = new LinkedHashMap<>();
		// in the order the properties class declares them: target, effect, how often
		for (Field field : bean.getClass().getDeclaredFields()) {
			PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(bean.getClass(), field.getName());
			Method getter = (descriptor != null) ? descriptor.getReadMethod() : null;
			if (getter == null || Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			Object value = value(invoke(getter, bean));
			if (value != null) {
				result.put(descriptor.getName(), value);
			}
		}
		return result;
	}

	private static @Nullable Object value(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Duration duration) {
			return SpecCompiler.format(duration);
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? null : List.copyOf(list);
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty() ? null : new LinkedHashMap<>(map);
		}
		if (value.getClass().getDeclaringClass() == ChaosProperties.class) {
			Map<String, Object> nested = describe(value);
			return (nested.isEmpty() && !isEffect(value)) ? null : nested;
		}
		return value;
	}

	/** An effect is shown even with nothing but defaults: it is what the assault does. */
	private static boolean isEffect(Object value) {
		return value instanceof ChaosProperties.ExceptionEffect || value instanceof ChaosProperties.Latency
				|| value instanceof ChaosProperties.ErrorResponse || value instanceof ChaosProperties.Kill;
	}

	private static @Nullable Object invoke(Method getter, Object bean) {
		try {
			return getter.invoke(bean);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + getter, ex);
		}
	}

}
