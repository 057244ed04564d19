package io.tsunagu.attendance;

import java.util.List;
import java.util.Map;

import io.tsunagu.invitations.MessageCheck;

/**
 * A thank-you the rules do not allow, with a message key for the page; for messages that need another
 * look (copied, too short, not naming the person), what the check found in each, by recipient.
 */
class ThanksRefused extends RuntimeException {

	private final String messageKey;

	private final Map<Long, List<MessageCheck.Finding>> findings;

	ThanksRefused(String messageKey) {
		this(messageKey, Map.of());
	}

	ThanksRefused(String messageKey, Map<Long, List<MessageCheck.Finding>> findings) {
		super(messageKey);
		this.messageKey = messageKey;
		this.findings = Map.copyOf(findings);
	}

	String messageKey() {
		return this.messageKey;
	}

	Map<Long, List<MessageCheck.Finding>> findings() {
		return this.findings;
	}

}
