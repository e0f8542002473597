package io.github.chaosstarter.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.StringJoiner;

/**
 * What is known about an advised bean at startup.
 *
 * @param name the bean name
 * @param type the user class of the bean (not the proxy class)
 * @param kind the bean's stereotype
 * @author Chaos Starter team
 */
record BeanInfo(String name, Class<?> type, BeanKind kind) {

	/**
	 * Name a method as reports and logs show it: {@code SimpleClassName.method}, with the
	 * parameter types when the class has several public methods of that name
	 * ({@code OwnerRepository.findAll(Pageable)}).
	 * @param method the method
	 * @return the short name
	 */
	String shortName(Method method) {
		return shortName(this.type, method);
	}

	static String shortName(Class<?> type, Method method) {
		String name = type.getSimpleName() + "." + method.getName();
		int overloads = 0;
		for (Method candidate : type.getMethods()) {
			if (candidate.getName().equals(method.getName()) && !candidate.isBridge()
					&& !Modifier.isStatic(candidate.getModifiers())) {
				overloads++;
			}
		}
		if (overloads <= 1) {
			return name;
		}
		StringJoiner parameters = new StringJoiner(", ", "(", ")");
		for (Class<?> parameter : method.getParameterTypes()) {
			parameters.add(parameter.getSimpleName());
		}
		return name + parameters;
	}

}
