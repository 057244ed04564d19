package io.tsunagu.mail;

import java.util.List;
import java.util.Map;

/**
 * Where claimed messages go: an SMTP server, or the built-in mailbox of the default mode.
 */
interface MailTransport {

	/** Stored in {@code delivered_via}. */
	String name();

	/** Delivers a batch, as far as possible over one connection, and says what became of each message by id. */
	Map<Long, Delivery> deliver(List<OutgoingMail> batch);

}
