package io.tsunagu.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends sessions, which live in the database (Spring Session's tables, created by our own migration).
 * Deleted in the caller's transaction, so that a new password and the end of the old sessions come
 * together or not at all.
 */
@Component
class Sessions {

	private final JdbcClient jdbc;

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ends every session logged in as the account but the one kept (the request's own, if any). */
	int endOf(String email, String keep) {
		return this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id IS DISTINCT FROM ?")
			.params(email, keep)
			.update();
	}

	/** Ends every session but the one kept. */
	int endAllBut(String keep) {
		return this.jdbc.sql("DELETE FROM spring_session WHERE session_id IS DISTINCT FROM ?").param(keep).update();
	}

}
