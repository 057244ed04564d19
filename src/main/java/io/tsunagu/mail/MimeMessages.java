package io.tsunagu.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Turns a stored message into MIME: text and HTML as alternatives, attachments after them, and the
 * Message-ID fixed when the message was queued. The sender saves the changes (headers and transfer
 * encodings) once, when it sends.
 */
@Component
class MimeMessages {

	private final InternetAddress from;

	MimeMessages(MailSettings settings) throws MessagingException {
		this.from = new InternetAddress(settings.from());
		if (this.from.getPersonal() == null) {
			try {
				this.from.setPersonal("つなぐ Tsunagu", StandardCharsets.UTF_8.name());
			}
			catch (java.io.UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
				StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		try {
			helper.setTo(mail.recipientName() == null ? new InternetAddress(mail.recipient(), true)
					: new InternetAddress(mail.recipient(), mail.recipientName(), StandardCharsets.UTF_8.name()));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		helper.setSubject(mail.subject());
		helper.setSentDate(new Date());
		helper.setText(mail.text(), mail.html());
		for (MailAttachment attachment : mail.attachments()) {
			helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
					attachment.contentType());
		}
		return message;
	}

	/** Jakarta Mail makes up a new Message-ID on every save; ours was chosen when the mail was queued. */
	private static final class FixedIdMimeMessage extends MimeMessage {

		private final String messageId;

		FixedIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
