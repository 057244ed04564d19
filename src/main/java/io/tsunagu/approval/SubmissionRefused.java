package io.tsunagu.approval;

/**
 * A plan cannot be sent for approval because the org chart cannot name its approvers; the message key
 * and its arguments say which department and role are missing.
 */
public class SubmissionRefused extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	SubmissionRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
