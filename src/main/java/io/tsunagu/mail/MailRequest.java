package io.tsunagu.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notification to queue: who gets it, in which language, which kind of mail (the templates
 * {@code mail/<kind>.html} and {@code mail/<kind>.txt}, the subject {@code mail.<kind>.subject}),
 * what the templates need, and a dedupe key: the same key is queued once. A message may belong to a
 * batch, whose sending {@link Outbox#progress(String)} follows.
 */
public record MailRequest(String recipient, String recipientName, Locale locale, String kind, Map<String, Object> model,
		Object[] subjectArguments, String dedupeKey, List<MailAttachment> attachments, String batch) {

	static final int MAX_BATCH = 100;

	public MailRequest {
		if (recipient == null || !recipient.contains("@")) {
			throw new IllegalArgumentException("Not a recipient: " + recipient);
		}
		if (kind == null || !kind.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("Not a kind of mail: " + kind);
		}
		locale = locale == null ? Locale.JAPANESE : locale;
		model = model == null ? Map.of() : Map.copyOf(model);
		subjectArguments = subjectArguments == null ? new Object[0] : subjectArguments.clone();
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		if (batch != null && (batch.isBlank() || batch.length() > MAX_BATCH)) {
			throw new IllegalArgumentException("Not a batch: " + batch);
		}
	}

	/** A message without attachments. */
	public static MailRequest of(String recipient, String recipientName, Locale locale, String kind,
			Map<String, Object> model, Object[] subjectArguments, String dedupeKey) {
		return new MailRequest(recipient, recipientName, locale, kind, model, subjectArguments, dedupeKey, List.of(), null);
	}

	/** The same message with an attachment added. */
	public MailRequest with(MailAttachment attachment) {
		List<MailAttachment> more = new java.util.ArrayList<>(this.attachments);
		more.add(attachment);
		return new MailRequest(this.recipient, this.recipientName, this.locale, this.kind, this.model,
				this.subjectArguments, this.dedupeKey, more, this.batch);
	}

	/** The same message as part of a batch, such as the invitations of one wave. */
	public MailRequest inBatch(String batch) {
		return new MailRequest(this.recipient, this.recipientName, this.locale, this.kind, this.model,
				this.subjectArguments, this.dedupeKey, this.attachments, batch);
	}

}
