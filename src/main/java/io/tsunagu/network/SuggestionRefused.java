package io.tsunagu.network;

/** A suggested person could not be added; carries the message key that says why, and the person's name. */
class SuggestionRefused extends RuntimeException {

	private final String messageKey;

	private final String name;

	SuggestionRefused(String messageKey, String name) {
		super(messageKey);
		this.messageKey = messageKey;
		this.name = name;
	}

	String messageKey() {
		return this.messageKey;
	}

	String name() {
		return this.name;
	}

}
