package io.tsunagu.attendance;

/** A check-in the rules do not allow; carries a message key for the page. */
class CheckInRefused extends RuntimeException {

	private final String messageKey;

	CheckInRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
