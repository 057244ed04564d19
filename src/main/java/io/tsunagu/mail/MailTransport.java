package io.tsunagu.mail;

import java.util.List;

/**
 * Where claimed messages go: an SMTP server, or the built-in mailbox of the default mode.
 */
interface MailTransport {

	/** Stored in {@code delivered_via}. */
	String name();

	/**
	 * Delivers a batch, as far as possible over one connection, and reports what became of each message
	 * as soon as it is known, so that what the server accepted can be recorded before the batch ends.
	 */
	void deliver(List<OutgoingMail> batch, Outcomes outcomes);

	/** Hears of each message's fate, on the thread that sends it. */
	@FunctionalInterface
	interface Outcomes {

		void report(OutgoingMail mail, Delivery delivery);

	}

}
