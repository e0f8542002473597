package io.github.chaosstarter.chaosmonkey;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Hands the write operations of the {@code chaosmonkey} endpoint the whole JSON body and
 * the caller. They declare only their path segments, so that actuator maps a {@code POST}
 * without a {@code Content-Type}; the body reader of the {@code chaos} endpoint keeps the
 * parsed body under a key no parameter can have (see {@code OperationBodies}), and this
 * advisor passes it on. Query parameters are refused with 400, except {@code timeout} and
 * {@code verify}, which chaostoolkit-spring adds.
 *
 * @author Chaos Starter team
 */
final class ChaosMonkeyOperationInvokerAdvisor implements OperationInvokerAdvisor {

	private static final EndpointId CHAOS_MONKEY = EndpointId.of("chaosmonkey");

	/** The key of {@code io.github.chaosstarter.endpoint.OperationBodies.RAW_BODY}. */
	static final String RAW_BODY = "chaos:raw-body";

	private static final Set<String> ACCEPTED_QUERY = Set.of("timeout", "verify");

	private final ObjectProvider<ChaosMonkeyEndpoint> endpoint;

	ChaosMonkeyOperationInvokerAdvisor(ObjectProvider<ChaosMonkeyEndpoint> endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!CHAOS_MONKEY.equals(endpointId) || operationType != OperationType.WRITE) {
			return invoker;
		}
		List<String> selectors = new ArrayList<>();
		for (OperationParameter parameter : parameters) {
			if (parameter.getAnnotation(Selector.class) != null) {
				selectors.add(parameter.getName());
			}
		}
		return (context) -> invoke(context, selectors);
	}

	private Object invoke(InvocationContext context, List<String> selectors) {
		Map<String, Object> arguments = context.getArguments();
		List<String> path = new ArrayList<>();
		for (String selector : selectors) {
			path.add(String.valueOf(arguments.get(selector)));
		}
		Object raw = arguments.get(RAW_BODY);
		Map<?, ?> body = (raw instanceof Map<?, ?> map) ? map : null;
		ChaosMonkeyEndpoint endpoint = this.endpoint.getObject();
		for (Map.Entry<String, Object> argument : arguments.entrySet()) {
			String name = argument.getKey();
			boolean fromBody = (body != null)
					&& (name.equals(RAW_BODY) || (body.containsKey(name) && body.get(name) == argument.getValue()));
			if (!selectors.contains(name) && !fromBody && !ACCEPTED_QUERY.contains(name)) {
				return endpoint.badRequest(new InvalidChaosPropertyException(
						"query parameter '" + BodyValues.abbreviate(name) + "'",
						"is not accepted: the settings go in the JSON body; only timeout and verify are accepted"));
			}
		}
		return endpoint.write(path, body, actor(context.resolveArgument(SecurityContext.class)));
	}

	private static String actor(@Nullable SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null && principal.getName() != null) ? principal.getName() : ChaosMonkeyEndpoint.ACTOR;
	}

}
