package io.tsunagu.network;

/** Something asked of one's network that cannot be done, with the message key (and its arguments) that says why. */
class NetworkRefused extends RuntimeException {

	private final String messageKey;

	private final Object[] args;

	NetworkRefused(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args.clone();
	}

}
