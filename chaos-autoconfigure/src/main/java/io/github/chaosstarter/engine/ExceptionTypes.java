package io.github.chaosstarter.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.InvalidChaosPropertyException;

/**
 * Which exception types an exception assault may throw, and how one is constructed: a
 * public, non-abstract {@link Throwable} in a package our code may reach, with a public
 * constructor taking {@code (String)}, {@code (String, Throwable)} or nothing. The class
 * is loaded without running its static initialiser; the constructor is looked up once per
 * type. For classes outside the application's own packages, a refusal does not tell an
 * absent class from an unusable one, so that the endpoint cannot be used to probe the
 * class path.
 *
 * @author Chaos Starter team
 */
final class ExceptionTypes {

	@SuppressWarnings("unchecked")
	private static final ClassValue<Optional<Constructor<? extends Throwable>>> CONSTRUCTORS = new ClassValue<>() {

		@Override
		protected Optional<Constructor<? extends Throwable>> computeValue(Class<?> type) {
			return Optional.ofNullable(usableConstructor((Class<? extends Throwable>) type));
		}

	};

	private final @Nullable ClassLoader classLoader;

	private final List<String> applicationPackages;

	ExceptionTypes(@Nullable ClassLoader classLoader, List<String> applicationPackages) {
		this.classLoader = classLoader;
		this.applicationPackages = List.copyOf(applicationPackages);
	}

	/**
	 * Resolve and check a configured type.
	 * @param property the property that names it
	 * @param typeName the class name as given
	 * @return the type
	 * @throws InvalidChaosPropertyException when the type cannot be thrown
	 */
	Class<? extends Throwable> resolve(String property, String typeName) {
		String name = typeName.trim();
		if (name.isEmpty()) {
			throw new InvalidChaosPropertyException(property, "must name a Throwable class");
		}
		String shown = "'" + SpecCompiler.abbreviate(name) + "'";
		Class<?> type;
		try {
			type = Class.forName(name, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError | IllegalArgumentException ex) {
			throw refused(property, name, shown, "was not found on the application's class path");
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw refused(property, name, shown, "is not a java.lang.Throwable");
		}
		if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())
				|| !type.getModule().isExported(type.getPackageName(), ExceptionTypes.class.getModule())) {
			throw refused(property, name, shown,
					"is abstract, not public or in a package that is not exported, and cannot be created");
		}
		@SuppressWarnings("unchecked")
		Class<? extends Throwable> throwable = (Class<? extends Throwable>) type;
		if (constructor(throwable) == null) {
			throw refused(property, name, shown,
					"has no public constructor taking (String), (String, Throwable) or no arguments");
		}
		return throwable;
	}

	private InvalidChaosPropertyException refused(String property, String name, String shown, String why) {
		if (isApplicationClass(name)) {
			return new InvalidChaosPropertyException(property, "class " + shown + " " + why);
		}
		return new InvalidChaosPropertyException(property, "class " + shown
				+ " is not a usable exception type: it must be a public, non-abstract Throwable on the application's "
				+ "class path with a public constructor taking (String), (String, Throwable) or no arguments");
	}

	private boolean isApplicationClass(String name) {
		if (name.startsWith("io.github.chaosstarter.")) {
			return true;
		}
		for (String prefix : this.applicationPackages) {
			if (name.startsWith(prefix + ".")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the constructor used for the type, looked up once.
	 */
	static @Nullable Constructor<? extends Throwable> constructor(Class<? extends Throwable> type) {
		return CONSTRUCTORS.get(type).orElse(null);
	}

	private static @Nullable Constructor<? extends Throwable> usableConstructor(Class<? extends Throwable> type) {
		for (Class<?>[] parameters : new Class<?>[][] { { String.class }, { String.class, Throwable.class }, {} }) {
			try {
				Constructor<? extends Throwable> constructor = type.getConstructor(parameters);
				if (Modifier.isPublic(constructor.getModifiers())) {
					return constructor;
				}
			}
			catch (NoSuchMethodException | SecurityException ex) {
				// try the next shape
			}
		}
		return null;
	}

}
