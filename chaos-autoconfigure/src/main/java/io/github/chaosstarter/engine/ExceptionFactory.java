package io.github.chaosstarter.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.ChaosException;

/**
 * Creates the exceptions an exception assault throws. Messages start with
 * {@code Chaos assault '<name>':}. A checked exception that the attacked method does not
 * declare would reach callers as an {@code UndeclaredThrowableException}; it is thrown as
 * a {@link ChaosException} with the checked exception as its cause instead.
 *
 * @author Chaos Starter team
 */
final class ExceptionFactory {

	private ExceptionFactory() {
	}

	static String prefix(String assault) {
		return "Chaos assault '" + assault + "': ";
	}

	/**
	 * Create the exception for one injection.
	 * @param assault the assault's name
	 * @param spec the effect
	 * @param method the attacked method, or {@code null} where no method signature
	 * applies
	 * @param signalled whether the exception is signalled inside a returned value
	 * (reactive or asynchronous) rather than thrown, so checked exceptions need no
	 * declaration
	 * @return the exception
	 */
	static Throwable create(String assault, AssaultSpec.ExceptionSpec spec, @Nullable Method method,
			boolean signalled) {
		String message = prefix(assault) + spec.message();
		Throwable exception = trimmed(instantiate(spec.type(), message), method);
		if (signalled || method == null || isUnchecked(exception) || declares(method, exception)) {
			return exception;
		}
		return trimmed(new ChaosException(prefix(assault) + "checked " + spec.type().getName() + " is not declared by "
				+ method.getDeclaringClass().getSimpleName() + "." + method.getName()
				+ "(); thrown as ChaosException with it as the cause", exception), method);
	}

	/**
	 * Start the stack trace at the attacked method, and leave out the starter's own
	 * frames and those of proxies and reflection, so that a log shows in a few lines
	 * where the fault was injected.
	 * @param exception the exception
	 * @param method the attacked method, or {@code null}
	 * @return the exception
	 */
	static <T extends Throwable> T trimmed(T exception, @Nullable Method method) {
		StackTraceElement[] trace = exception.getStackTrace();
		List<StackTraceElement> kept = new ArrayList<>(trace.length);
		if (method != null) {
			kept.add(new StackTraceElement(method.getDeclaringClass().getName(), method.getName(), null, -1));
		}
		for (StackTraceElement frame : trace) {
			if (!isMachinery(frame.getClassName())) {
				kept.add(frame);
			}
		}
		exception.setStackTrace(kept.toArray(new StackTraceElement[0]));
		return exception;
	}

	private static boolean isMachinery(String type) {
		int dot = type.lastIndexOf('.');
		boolean own = dot > 0 && ChaosAdvisingPostProcessor.OWN_PACKAGES.contains(type.substring(0, dot));
		return own || type.startsWith("org.springframework.aop.") || type.startsWith("org.springframework.cglib.")
				|| type.contains("$$SpringCGLIB$$") || type.startsWith("jdk.proxy")
				|| type.startsWith("java.lang.reflect.") || type.startsWith("jdk.internal.reflect.");
	}

	private static Throwable instantiate(Class<? extends Throwable> type, String message) {
		Constructor<? extends Throwable> constructor = ExceptionTypes.constructor(type);
		try {
			if (constructor == null) {
				return new ChaosException(message);
			}
			return switch (constructor.getParameterCount()) {
				case 1 -> constructor.newInstance(message);
				case 2 -> constructor.newInstance(message, null);
				default -> constructor.newInstance();
			};
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return new ChaosException(message + " (could not create " + type.getName() + ": " + ex + ")");
		}
	}

	private static boolean isUnchecked(Throwable exception) {
		return exception instanceof RuntimeException || exception instanceof Error;
	}

	private static boolean declares(Method method, Throwable exception) {
		for (Class<?> declared : method.getExceptionTypes()) {
			if (declared.isInstance(exception)) {
				return true;
			}
		}
		return false;
	}

}
