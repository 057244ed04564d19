package io.tsunagu.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the outbox for the mailbox and outbox pages. A mail that carries a secret for its recipient
 * alone (a link to set a password) is shown to its recipient only, whoever else looks, administrators
 * included: whoever reads it could take over the account.
 */
@Component
@Transactional(readOnly = true)
class Mailbox {

	static final int PAGE_SIZE = 30;

	// The kinds of mail that only their recipient may read (PasswordLinks in accounts sends them).
	private static final String RECIPIENT_ONLY = "(kind <> 'password-link' OR lower(recipient) = lower(:viewer))";

	private static final String ENTRY_COLUMNS = "id, recipient, recipient_name, kind, subject, status, attempts, last_error, created_at, sent_at";

	private final JdbcClient jdbc;

	private final MimeMessages mimeMessages;

	private final Session session = Session.getInstance(new Properties());

	Mailbox(JdbcClient jdbc, MimeMessages mimeMessages) {
		this.jdbc = jdbc;
		this.mimeMessages = mimeMessages;
	}

	/** Messages the viewer may read, newest first; the filter matches part of the address or name. */
	Page<MailboxEntry> list(String viewer, String recipient, int page) {
		String filter = recipient == null || recipient.isBlank() ? null
				: "%" + recipient.trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
		Pageable pageable = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
		String where = " WHERE " + RECIPIENT_ONLY
				+ (filter == null ? "" : " AND (lower(recipient) LIKE :filter OR lower(recipient_name) LIKE :filter)");
		var count = this.jdbc.sql("SELECT count(*) FROM mail_outbox" + where).param("viewer", viewer);
		var select = this.jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM mail_outbox" + where
				+ " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("viewer", viewer);
		if (filter != null) {
			count = count.param("filter", filter);
			select = select.param("filter", filter);
		}
		long total = count.query(Long.class).single();
		List<MailboxEntry> entries = select.param("limit", PAGE_SIZE)
			.param("offset", pageable.getOffset())
			.query((rs, row) -> entry(rs))
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	List<MailboxEntry> failed() {
		return this.jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM mail_outbox WHERE status = 'FAILED' ORDER BY id DESC LIMIT 500")
			.query((rs, row) -> entry(rs))
			.list();
	}

	/** A message the viewer may read. */
	Optional<MailboxMessage> find(long id, String viewer) {
		return this.jdbc.sql("SELECT " + ENTRY_COLUMNS + ", message_id, html_body, text_body FROM mail_outbox WHERE id = :id AND "
				+ RECIPIENT_ONLY)
			.param("id", id)
			.param("viewer", viewer)
			.query((rs, row) -> {
				MailboxEntry entry = entry(rs);
				List<MailAttachment> attachments = attachments(id);
				List<MailboxMessage.AttachmentInfo> infos = new ArrayList<>();
				for (int i = 0; i < attachments.size(); i++) {
					MailAttachment attachment = attachments.get(i);
					infos.add(new MailboxMessage.AttachmentInfo(i, attachment.filename(), attachment.contentType(),
							attachment.content().length, attachment.contentId()));
				}
				OutgoingMail mail = new OutgoingMail(id, rs.getString("message_id"), entry.recipient(),
						entry.recipientName(), entry.subject(), rs.getString("html_body"), rs.getString("text_body"),
						entry.attempts(), attachments);
				return new MailboxMessage(entry, mail.messageId(), mail.html(), mail.text(), headers(mail), infos);
			})
			.optional();
	}

	/** An attachment of a message the viewer may read. */
	Optional<MailAttachment> attachment(long id, int position, String viewer) {
		boolean readable = this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = :id AND " + RECIPIENT_ONLY)
			.param("id", id)
			.param("viewer", viewer)
			.query(Long.class)
			.single() > 0;
		if (!readable) {
			return Optional.empty();
		}
		List<MailAttachment> attachments = attachments(id);
		return position >= 0 && position < attachments.size() ? Optional.of(attachments.get(position)) : Optional.empty();
	}

	private List<MailAttachment> attachments(long id) {
		return this.jdbc.sql("SELECT filename, content_type, content, content_id FROM mail_attachments WHERE mail_id = ? ORDER BY position")
			.param(id)
			.query((rs, row) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
			.list();
	}

	// The headers are those the SMTP transport would send, built by the same code.
	private List<String> headers(OutgoingMail mail) {
		try {
			MimeMessage message = this.mimeMessages.build(this.session, mail);
			message.saveChanges();
			return Collections.list(message.getAllHeaderLines());
		}
		catch (MessagingException ex) {
			return List.of(ex.getMessage());
		}
	}

	private static MailboxEntry entry(ResultSet rs) throws SQLException {
		var sent = rs.getTimestamp("sent_at");
		return new MailboxEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("recipient_name"),
				rs.getString("kind"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
	}

}
