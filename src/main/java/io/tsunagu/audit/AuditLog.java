package io.tsunagu.audit;

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

	AuditLog(AuditEntries entries) {
		this.entries = entries;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String actor, String action, String subject, String details) {
		this.entries.save(new AuditEntry(actor, action, subject, details));
	}

}
