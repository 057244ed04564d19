package io.tsunagu.planning;

/**
 * A change the plan's state does not allow, such as editing a submitted plan; carries a message key
 * for the page.
 */
public class IllegalPlanChange extends RuntimeException {

	private final String messageKey;

	IllegalPlanChange(String messageKey, PlanStatus status) {
		this(messageKey + " (plan is " + status + ")", messageKey);
	}

	/** A change refused for what it says, whatever the plan's state. */
	IllegalPlanChange(String messageKey) {
		this(messageKey, messageKey);
	}

	private IllegalPlanChange(String message, String messageKey) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
