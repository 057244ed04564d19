package io.tsunagu.mail;

import java.time.Instant;

/**
 * A line of the mailbox and of the outbox's failure list.
 */
record MailboxEntry(long id, String recipient, String recipientName, String kind, String subject, String status,
		int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
