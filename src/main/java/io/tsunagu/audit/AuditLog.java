package io.tsunagu.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An append-only record of who did what; entries are written in the caller's transaction, so an
 * undone change leaves no entry.
 */
@Service
public class AuditLog {

	private final AuditEntries entries;

	private final JdbcClient jdbc;

	AuditLog(AuditEntries entries, JdbcClient jdbc) {
		this.entries = entries;
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String actor, String action, String subject, String details) {
		this.entries.save(new AuditEntry(actor, action, subject, details));
	}

	/**
	 * Replaces an address that named a person, as who acted or what was acted on, by what stands for them
	 * once their personal data is anonymised: the entries stay, the person is no longer named in them. The one
	 * change an entry ever sees (the entity is immutable on purpose), hence plain SQL.
	 * @return how many entries changed
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int forget(String email, String alias) {
		return this.jdbc.sql("UPDATE audit_log SET actor = ? WHERE lower(actor) = lower(?)").params(alias, email).update()
				+ this.jdbc.sql("UPDATE audit_log SET subject = ? WHERE lower(subject) = lower(?)").params(alias, email).update();
	}

}
