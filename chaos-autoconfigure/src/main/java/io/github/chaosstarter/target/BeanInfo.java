package io.github.chaosstarter.target;

/**
 * What is known about an advised bean at startup.
 *
 * @param name the bean name
 * @param type the user class of the bean (not the proxy class)
 * @param kind the bean's stereotype
 * @author Chaos Starter team
 */
public record BeanInfo(String name, Class<?> type, BeanKind kind) {

	/**
	 * Short form {@code SimpleClassName.method} used in reports and meter tags.
	 * @param methodName the method name
	 * @return the short name
	 */
	public String shortName(String methodName) {
		return this.type.getSimpleName() + "." + methodName;
	}

}
