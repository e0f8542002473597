package io.github.chaosstarter.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * What the Kafka decorations' JDK proxies share: {@code Object}'s methods answered by the
 * proxy itself, every other call passed to the decorated object as it was made.
 *
 * @author Chaos Starter team
 */
final class Reflective {

	private Reflective() {
	}

	/**
	 * Answer {@code equals}, {@code hashCode} or {@code toString} for a proxy.
	 * @param proxy the proxy
	 * @param method one of {@code Object}'s methods
	 * @param args its arguments
	 * @param target what the proxy decorates
	 * @return the answer
	 */
	static Object objectMethod(Object proxy, Method method, @Nullable Object @Nullable [] args, Object target) {
		return switch (method.getName()) {
			case "equals" -> args != null && proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "Chaos decorated " + target;
		};
	}

	/**
	 * Call the decorated object, throwing what it throws.
	 * @param target the decorated object
	 * @param method the method
	 * @param args its arguments
	 * @return what it returned
	 * @throws Throwable what it threw
	 */
	static @Nullable Object call(Object target, Method method, @Nullable Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
