package io.tsunagu.mail;

import java.util.List;

/**
 * One message as the mailbox page shows it: bodies, the MIME headers it goes out with, and its
 * attachments.
 */
record MailboxMessage(MailboxEntry entry, String messageId, String html, String text, List<String> headers,
		List<AttachmentInfo> attachments) {

	/** An attachment, or a part the HTML shows when it has a Content-ID. */
	record AttachmentInfo(int position, String filename, String contentType, int size, String contentId) {
	}

}
