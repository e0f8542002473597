package io.github.chaosstarter.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Hands the {@code chaos} endpoint's write operation the whole JSON body. Actuator maps
 * the top-level keys of a body to operation parameters by name and drops the others
 * before an operation runs, so a misspelt key next to a valid one (or {@code dry-run}
 * written in kebab-case) would be silently ignored. The body readers of
 * {@link OperationBodies} keep the parsed body under a key no parameter can have; this
 * advisor passes it as the {@code body} parameter and refuses any other argument, that
 * is, a query parameter, with {@code 400}.
 *
 * @author Chaos Starter team
 */
final class ChaosOperationInvokerAdvisor implements OperationInvokerAdvisor {

	private static final EndpointId CHAOS = EndpointId.of("chaos");

	static final String BODY = "body";

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!CHAOS.equals(endpointId) || operationType != OperationType.WRITE || !hasBody(parameters)) {
			return invoker;
		}
		return (context) -> {
			Map<String, Object> arguments = context.getArguments();
			if (!arguments.containsKey(OperationBodies.RAW_BODY)
					&& !arguments.keySet().stream().allMatch(BODY::equals)) {
				// a web request without a body reader (or a JMX call): nothing to re-read
				return invoker.invoke(context);
			}
			Object raw = arguments.remove(OperationBodies.RAW_BODY);
			if (raw != null && !(raw instanceof Map)) {
				// a query parameter of that name took the body's place
				return ChaosEndpoint.badRequest(new InvalidChaosPropertyException(
						"query parameter '" + OperationBodies.RAW_BODY + "'",
						"is not accepted: write operations of the chaos endpoint take their input from the JSON body only"));
			}
			Map<?, ?> body = (raw instanceof Map<?, ?> map) ? map : Map.of();
			for (Map.Entry<String, Object> argument : arguments.entrySet()) {
				if (!isSelector(parameters, argument.getKey()) && (!body.containsKey(argument.getKey())
						|| body.get(argument.getKey()) != argument.getValue())) {
					return ChaosEndpoint.badRequest(new InvalidChaosPropertyException(
							"query parameter '" + OperationBodies.abbreviate(argument.getKey()) + "'",
							"is not accepted: write operations of the chaos endpoint take their input from the JSON body only"));
				}
			}
			Map<String, Object> replaced = new LinkedHashMap<>();
			arguments.forEach((name, value) -> {
				if (isSelector(parameters, name)) {
					replaced.put(name, value);
				}
			});
			replaced.put(BODY, body);
			arguments.clear();
			arguments.putAll(replaced);
			return invoker.invoke(context);
		};
	}

	private static boolean hasBody(OperationParameters parameters) {
		return parameters.stream().anyMatch((parameter) -> BODY.equals(parameter.getName()));
	}

	private static boolean isSelector(OperationParameters parameters, String name) {
		for (OperationParameter parameter : parameters) {
			if (parameter.getName().equals(name)) {
				// a SecurityContext or Principal parameter is resolved by the invoker,
				// not
				// from the request: a query parameter of its name would be ignored
				return parameter.getAnnotation(Selector.class) != null;
			}
		}
		return false;
	}

}
