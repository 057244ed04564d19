package io.tsunagu.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "audit_log")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt = Instant.now();

	private String actor;

	private String action;

	private String subject;

	private String details;

	protected AuditEntry() {
	}

	AuditEntry(String actor, String action, String subject, String details) {
		this.actor = actor == null || actor.isBlank() ? "system" : truncate(actor, 254);
		this.action = truncate(action, 64);
		this.subject = subject == null ? null : truncate(subject, 200);
		this.details = details;
	}

	private static String truncate(String value, int length) {
		return value.length() > length ? value.substring(0, length) : value;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getDetails() {
		return this.details;
	}

}
