package io.tsunagu.mail;

import java.util.List;

/**
 * The default mode has no SMTP server: a message is delivered by being marked so, and the mailbox
 * page shows it from the outbox.
 */
class MailboxTransport implements MailTransport {

	@Override
	public String name() {
		return "MAILBOX";
	}

	@Override
	public void deliver(List<OutgoingMail> batch, Outcomes outcomes) {
		batch.forEach(mail -> outcomes.report(mail, Delivery.SENT));
	}

}
