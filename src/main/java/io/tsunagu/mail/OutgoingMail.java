package io.tsunagu.mail;

import java.util.List;

/**
 * A claimed message as the dispatcher hands it to a transport.
 */
record OutgoingMail(long id, String messageId, String recipient, String recipientName, String subject, String html,
		String text, int attempts, List<MailAttachment> attachments) {
}
