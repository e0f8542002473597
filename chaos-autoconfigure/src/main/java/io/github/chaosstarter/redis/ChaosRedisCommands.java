package io.github.chaosstarter.redis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.util.ClassUtils;

import io.github.chaosstarter.engine.DependencyChaos;
import io.github.chaosstarter.engine.Strike;

/**
 * A Redis connection, or one of its command groups ({@code stringCommands()},
 * {@code hashCommands()}…), handed out while a redis assault is active: each command asks
 * the engine first. The command is the method's name upper-cased, as Spring Data Redis
 * names them ({@code get} is {@code GET}, {@code hGet} is {@code HGET}; {@code execute}
 * takes its first argument), and the key is the first argument when it is one.
 * {@code unavailable} fails as a client that cannot reach Redis; latency past the
 * client's command timeout fails after that timeout, as a stalled Redis does.
 *
 * @author Chaos Starter team
 */
final class ChaosRedisCommands implements InvocationHandler {

	private static final Supplier<RuntimeException> UNREACHABLE = () -> new RedisConnectionFailureException(
			"Unable to connect to Redis", new ConnectException("Connection refused"));

	private final Object target;

	private final String factory;

	private final DependencyChaos chaos;

	private final @Nullable Duration commandTimeout;

	ChaosRedisCommands(Object target, String factory, DependencyChaos chaos, @Nullable Duration commandTimeout) {
		this.target = target;
		this.factory = factory;
		this.chaos = chaos;
		this.commandTimeout = commandTimeout;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return objectMethod(proxy, method, args);
		}
		Class<?> returned = method.getReturnType();
		if (isCommandGroup(returned) && method.getParameterCount() == 0) {
			Object group = call(method, args);
			return (group != null)
					? Proxy.newProxyInstance(group.getClass().getClassLoader(), ClassUtils.getAllInterfaces(group),
							new ChaosRedisCommands(group, this.factory, this.chaos, this.commandTimeout))
					: null;
		}
		if (isCommand(method)) {
			String command = command(method, args);
			Strike strike = this.chaos.strikeRedis(this.factory, command, key(method, args), UNREACHABLE);
			if (strike != null) {
				apply(strike);
			}
		}
		return call(method, args);
	}

	private void apply(Strike strike) {
		long delay = strike.delayNanos();
		long timeout = (this.commandTimeout != null) ? this.commandTimeout.toNanos() : 0;
		Throwable failure = strike.failure();
		if (failure == null && timeout > 0 && delay > timeout) {
			// the client gives up waiting for the answer before the delay is over
			Strike.sleepNanos(timeout);
			QueryTimeoutException timedOut = new QueryTimeoutException("Redis command timed out");
			strike.delayTimedOut(timedOut);
			throw timedOut;
		}
		Strike.sleepNanos(delay);
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

	private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private @Nullable Object objectMethod(Object proxy, Method method, @Nullable Object[] args) {
		return switch (method.getName()) {
			case "equals" -> args != null && proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> "ChaosRedisConnection[" + this.target + "]";
			default -> throw new IllegalStateException("Unexpected method " + method);
		};
	}

	/**
	 * Return whether a type is one of Spring Data Redis' command groups, which a
	 * connection hands out through {@code stringCommands()} and the like.
	 */
	static boolean isCommandGroup(Class<?> type) {
		return type.isInterface() && type.getName().startsWith("org.springframework.data.redis.connection.")
				&& type.getSimpleName().endsWith("Commands");
	}

	/**
	 * Return whether a method sends a command: it is declared by a command group, or by
	 * the connection's defaulted command methods.
	 */
	static boolean isCommand(Method method) {
		Class<?> declaring = method.getDeclaringClass();
		String name = declaring.getSimpleName();
		return declaring.getName().startsWith("org.springframework.data.redis.connection.")
				&& (name.endsWith("Commands") || name.startsWith("Defaulted"));
	}

	static String command(Method method, @Nullable Object[] args) {
		if (method.getName().equals("execute") && args != null && args.length > 0 && args[0] instanceof String name) {
			return name.toUpperCase(java.util.Locale.ROOT);
		}
		return method.getName().toUpperCase(java.util.Locale.ROOT);
	}

	static @Nullable String key(Method method, @Nullable Object[] args) {
		if (args == null || args.length == 0) {
			return null;
		}
		int first = (method.getName().equals("execute") && args[0] instanceof String) ? 1 : 0;
		if (args.length <= first) {
			return null;
		}
		Object argument = args[first];
		if (argument instanceof byte[][] keys) {
			argument = (keys.length > 0) ? keys[0] : null;
		}
		if (argument instanceof byte[] key) {
			return new String(key, StandardCharsets.UTF_8);
		}
		return (argument instanceof String key) ? key : null;
	}

}
