package io.github.chaosstarter;

/**
 * Thrown when a chaos property or a change posted to the chaos endpoint is invalid. The
 * message names the property, e.g. {@code chaos.assaults.payments-down.probability}.
 *
 * @author Chaos Starter team
 */
public class InvalidChaosPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String reason;

	/**
	 * Create a new instance.
	 * @param property the full name of the offending property
	 * @param reason why it is invalid, as a sentence a user can act on
	 */
	public InvalidChaosPropertyException(String property, String reason) {
		super(property + ": " + reason);
		this.property = property;
		this.reason = reason;
	}

	/**
	 * Return the full name of the offending property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return why the value is invalid.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
