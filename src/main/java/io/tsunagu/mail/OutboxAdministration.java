package io.tsunagu.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

/**
 * What an administrator does on the outbox page: resend or dismiss a failed message, and send a
 * test message to check the mail set-up.
 */
@Service
class OutboxAdministration {

	private final MailQueue queue;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Directory directory;

	OutboxAdministration(MailQueue queue, Outbox outbox, AuditLog audit, ApplicationEventPublisher events,
			Directory directory) {
		this.queue = queue;
		this.outbox = outbox;
		this.audit = audit;
		this.events = events;
		this.directory = directory;
	}

	@Transactional
	boolean resend(long id, String actor) {
		boolean resent = this.queue.resend(id);
		if (resent) {
			this.audit.record(actor, "mail.resend", "mail " + id, null);
			this.events.publishEvent(new MailQueued(id));
		}
		return resent;
	}

	@Transactional
	boolean dismiss(long id, String actor) {
		return this.queue.dismiss(id).map(recipient -> {
			this.audit.record(actor, "mail.dismiss", "mail " + id, "to " + recipient);
			return true;
		}).orElse(false);
	}

	/** To the administrator who asks, by the name and language the directory knows them by, if it does. */
	@Transactional
	void sendTestMessage(String recipient, Locale pageLocale) {
		Optional<EmployeeRef> employee = this.directory.findByEmail(recipient);
		this.outbox.queue(MailRequest.of(recipient, employee.map(EmployeeRef::name).orElse(null),
				employee.map(EmployeeRef::locale).orElse(pageLocale), "test-message", Map.of(), new Object[0], null));
		this.audit.record(recipient, "mail.test", recipient, null);
	}

}
