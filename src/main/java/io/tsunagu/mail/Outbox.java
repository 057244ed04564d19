package io.tsunagu.mail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the caller's transaction: if the business change rolls back, no mail goes out. The
 * same dedupe key is queued once.
 */
@Service
public class Outbox {

	/** Set while the demo company's past is written: see {@link #withoutMailForTheDemo}. */
	private static final ThreadLocal<Boolean> DEMO_HISTORY = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final MailQueue queue;

	private final ApplicationEventPublisher events;

	private final String messageIdDomain;

	Outbox(JdbcClient jdbc, MailRenderer renderer, MailQueue queue, ApplicationEventPublisher events,
			MailSettings settings, @Value("${tsunagu.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.queue = queue;
		this.events = events;
		this.messageIdDomain = settings.messageIdDomain(baseUrl);
	}

	/**
	 * Renders and queues a message.
	 * @return the outbox id, or empty when a message with the same dedupe key was queued before
	 */
	@Transactional
	public Optional<Long> queue(MailRequest request) {
		if (DEMO_HISTORY.get() != null) {
			return Optional.empty();
		}
		MailRenderer.Rendered rendered = this.renderer.render(request);
		String messageId = "<" + UUID.randomUUID() + "@" + this.messageIdDomain + ">";
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO mail_outbox (message_id, dedupe_key, kind, recipient, recipient_name, locale, subject,
				                         html_body, text_body, batch)
				VALUES (:messageId, :dedupeKey, :kind, :recipient, :recipientName, :locale, :subject, :html, :text,
				        :batch)
				ON CONFLICT (dedupe_key) DO NOTHING
				RETURNING id""")
			.param("messageId", messageId)
			.param("dedupeKey", request.dedupeKey())
			.param("kind", request.kind())
			.param("recipient", request.recipient())
			.param("recipientName", request.recipientName())
			.param("locale", request.locale().getLanguage())
			.param("subject", rendered.subject())
			.param("html", rendered.html())
			.param("text", rendered.text())
			.param("batch", request.batch())
			.query(Long.class)
			.optional();
		id.ifPresent(mailId -> {
			List<MailAttachment> attachments = request.attachments();
			for (int position = 0; position < attachments.size(); position++) {
				MailAttachment attachment = attachments.get(position);
				this.jdbc.sql("""
						INSERT INTO mail_attachments (mail_id, position, filename, content_type, content, content_id)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(mailId, position, attachment.filename(), attachment.contentType(), attachment.content(),
							attachment.contentId())
					.update();
			}
			this.events.publishEvent(new MailQueued(mailId));
		});
		return id;
	}

	/**
	 * Runs work on this thread whose mail nobody should get, and queues none of it: the demo company's
	 * past events, written at its first start as if they had happened months ago. Only the demo uses it.
	 */
	public void withoutMailForTheDemo(Runnable work) {
		DEMO_HISTORY.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			DEMO_HISTORY.remove();
		}
	}

	/** How far the sending of a batch has come; a batch nobody queued to is done with nothing in it. */
	@Transactional(readOnly = true)
	public MailProgress progress(String batch) {
		return this.queue.progress(batch);
	}

}
