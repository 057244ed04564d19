package io.tsunagu.mail;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the outbox's retention when they want it, as its schedule would.
 */
public final class OutboxRetentionAccess {

	private final OutboxRetention retention;

	public OutboxRetentionAccess(ApplicationContext context) {
		this.retention = context.getBean(OutboxRetention.class);
	}

	/** Deletes sent mail older than the retention period; returns how many messages. */
	public int purge() {
		return this.retention.purge();
	}

	/** Empties the bodies of mail an SMTP server accepted longer ago than they are kept; returns how many. */
	public int dropSentBodies() {
		return this.retention.dropSentBodies();
	}

}
