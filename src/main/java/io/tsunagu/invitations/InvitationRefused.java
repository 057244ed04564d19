package io.tsunagu.invitations;

/**
 * A step the invitation rules do not allow, such as inviting to a plan not yet approved or answering
 * after the deadline; carries a message key for the page.
 */
class InvitationRefused extends RuntimeException {

	private final String messageKey;

	InvitationRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
