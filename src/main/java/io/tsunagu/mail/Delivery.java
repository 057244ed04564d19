package io.tsunagu.mail;

/**
 * What became of one message in a batch.
 */
record Delivery(Outcome outcome, String error) {

	enum Outcome {

		/** Accepted by the SMTP server, or put into the built-in mailbox. */
		SENT,
		/** Connection refused, a time-out or a 4xx reply: worth another try later. */
		TEMPORARY,
		/** A 5xx reply or an address no server will take: trying again changes nothing. */
		PERMANENT

	}

	static final Delivery SENT = new Delivery(Outcome.SENT, null);

	static Delivery temporary(String error) {
		return new Delivery(Outcome.TEMPORARY, error);
	}

	static Delivery permanent(String error) {
		return new Delivery(Outcome.PERMANENT, error);
	}

}
