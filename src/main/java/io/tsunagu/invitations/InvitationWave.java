package io.tsunagu.invitations;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tsunagu.planning.PlannedEvent;

/**
 * One round of invitations to an event: written as a draft, then sent at once. Only an approved event
 * invites, whoever asks.
 */
@Entity
@Table(name = "invitation_waves")
class InvitationWave {

	enum Kind {

		PERSONAL, BROADCAST

	}

	enum Status {

		DRAFT, SENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private long planId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	private Status status = Status.DRAFT;

	private long createdBy;

	private Instant createdAt;

	private Instant sentAt;

	protected InvitationWave() {
	}

	private InvitationWave(long planId, Kind kind, long createdBy, Instant now) {
		this.planId = planId;
		this.kind = kind;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	/** A personal wave for an approved event, started by one of its organisers. */
	static InvitationWave personal(PlannedEvent event, long organiserId, Instant now) {
		requireInviting(event);
		if (!event.isOrganisedBy(organiserId)) {
			throw new InvitationRefused("invitations.refused.notOrganiser");
		}
		return new InvitationWave(event.id(), Kind.PERSONAL, organiserId, now);
	}

	void requireDraft() {
		if (this.status != Status.DRAFT) {
			throw new InvitationRefused("invitations.refused.sent");
		}
	}

	boolean isSent() {
		return this.status == Status.SENT;
	}

	void markSent(PlannedEvent event, Instant now) {
		requireDraft();
		requireInviting(event);
		this.status = Status.SENT;
		this.sentAt = now;
	}

	/** The outbox batch its mail is queued in, so that its sending can be followed. */
	String mailBatch() {
		return "wave-" + this.id;
	}

	static void requireInviting(PlannedEvent event) {
		if (!event.status().allowsInviting()) {
			throw new InvitationRefused("invitations.refused.notApproved");
		}
	}

	public Long getId() {
		return this.id;
	}

	public long getPlanId() {
		return this.planId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

}
