package io.tsunagu.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.stereotype.Component;

/**
 * Turns a stored message into MIME: text and HTML as a multipart/alternative, the HTML in a
 * multipart/related with the parts it shows (an image named by its Content-ID), the whole wrapped in a
 * multipart/mixed only when there are attachments, and the Message-ID fixed when the message was
 * queued. The sender saves the changes (headers and transfer encodings) once, when it sends.
 */
@Component
class MimeMessages {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F]");

	private final InternetAddress from;

	MimeMessages(MailSettings settings) throws MessagingException, UnsupportedEncodingException {
		this.from = new InternetAddress(settings.from());
		if (this.from.getPersonal() == null) {
			this.from.setPersonal("つなぐ Tsunagu", UTF_8);
		}
	}

	MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
		message.setFrom(this.from);
		try {
			message.setRecipient(Message.RecipientType.TO, mail.recipientName() == null
					? new InternetAddress(mail.recipient(), true)
					: new InternetAddress(mail.recipient(), headerText(mail.recipientName()), UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		message.setSubject(headerText(mail.subject()), UTF_8);
		message.setSentDate(new Date());

		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), UTF_8);
		alternative.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(mail.html(), "text/html; charset=UTF-8");
		List<MailAttachment> shown = mail.attachments().stream().filter(MailAttachment::isInline).toList();
		List<MailAttachment> attached = mail.attachments().stream().filter(a -> !a.isInline()).toList();
		if (shown.isEmpty()) {
			alternative.addBodyPart(html);
		}
		else {
			MimeMultipart related = new MimeMultipart("related");
			related.addBodyPart(html);
			for (MailAttachment inline : shown) {
				MimeBodyPart part = part(inline, Part.INLINE);
				part.setContentID("<" + inline.contentId() + ">");
				related.addBodyPart(part);
			}
			MimeBodyPart relatedPart = new MimeBodyPart();
			relatedPart.setContent(related);
			alternative.addBodyPart(relatedPart);
		}
		if (attached.isEmpty()) {
			message.setContent(alternative);
			return message;
		}
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		mixed.addBodyPart(body);
		for (MailAttachment attachment : attached) {
			mixed.addBodyPart(part(attachment, Part.ATTACHMENT));
		}
		message.setContent(mixed);
		return message;
	}

	private static MimeBodyPart part(MailAttachment attachment, String disposition) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
		try {
			part.setFileName(MimeUtility.encodeText(attachment.filename(), UTF_8, null));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		part.setDisposition(disposition);
		return part;
	}

	/**
	 * A value for a header, on one line. Jakarta Mail encodes what is not ASCII (RFC 2047) and quotes a
	 * display name with quotes, commas, semicolons or colons, but passes a bare CR or LF through, which
	 * would end the header early and start another; a name or title with a line break is one line here.
	 */
	static String headerText(String value) {
		if (value == null) {
			return null;
		}
		return CONTROLS.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").strip();
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
