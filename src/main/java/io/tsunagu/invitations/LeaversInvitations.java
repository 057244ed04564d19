package io.tsunagu.invitations;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeAnonymised;

/**
 * What the invitations of a person who left said: the personal message they were sent, the note they
 * answered with, the organiser's reply to their decline and that note in the organisers' digest are
 * removed, and their answer links stop working. The invitation and its answer stay, so that every count
 * of invited, attending and came stays right. Runs in the anonymisation's transaction.
 */
@Component
class LeaversInvitations {

	private final JdbcClient jdbc;

	LeaversInvitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EmployeeAnonymised anonymised) {
		long id = anonymised.employeeId();
		this.jdbc.sql("""
				UPDATE organiser_digest_entries d SET note = NULL
				FROM invitations i WHERE i.id = d.invitation_id AND i.employee_id = ? AND d.note IS NOT NULL""")
			.param(id)
			.update();
		this.jdbc.sql("""
				DELETE FROM invitation_links l USING invitations i
				WHERE i.id = l.invitation_id AND i.employee_id = ?""").param(id).update();
		this.jdbc.sql("UPDATE invitations SET message = NULL, note = NULL, decline_reply = NULL WHERE employee_id = ?")
			.param(id)
			.update();
	}

}
