package io.tsunagu.approval;

/**
 * A decision the approval chain does not accept: wrong person, wrong step, decided already, outdated
 * plan revision or missing comment. The message key explains it to the person.
 */
public class DecisionRefused extends RuntimeException {

	private final String messageKey;

	DecisionRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

	/** Whether the person may not decide this step at all, rather than not now. */
	public boolean isForbidden() {
		return "approval.refused.notYours".equals(this.messageKey) || "approval.refused.organiser".equals(this.messageKey);
	}

}
