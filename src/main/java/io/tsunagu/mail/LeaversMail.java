package io.tsunagu.mail;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeAnonymised;

/**
 * Mail to a person who left, kept in the outbox or the built-in mailbox (sent mail goes after the outbox's
 * retention anyway; failed mail stays until an administrator acts), is deleted with its attachments when
 * their personal data is anonymised. Runs in the anonymisation's transaction.
 */
@Component
class LeaversMail {

	private final JdbcClient jdbc;

	LeaversMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EmployeeAnonymised anonymised) {
		this.jdbc.sql("DELETE FROM mail_outbox WHERE lower(recipient) = lower(?)").param(anonymised.formerEmail()).update();
	}

}
