package io.tsunagu.planning;

/**
 * A change the plan's state does not allow, such as editing a submitted plan; carries a message key
 * for the page.
 */
public class IllegalPlanChange extends RuntimeException {

	private final String messageKey;

	IllegalPlanChange(String messageKey, PlanStatus status) {
		super(messageKey + " (plan is " + status + ")");
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
