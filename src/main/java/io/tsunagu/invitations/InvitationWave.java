package io.tsunagu.invitations;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tsunagu.audience.Segment;
import io.tsunagu.directory.Rank;
import io.tsunagu.planning.PlannedEvent;

/**
 * One round of invitations to an event: written as a draft, then sent at once. Only an approved event
 * invites, whoever asks. A broadcast keeps the announcement and the segment it went to; it comes only
 * after the personal wave, so that the people who said yes there are counted in it.
 */
@Entity
@Table(name = "invitation_waves")
class InvitationWave {

	static final int MAX_ANNOUNCEMENT = 2000;

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

	private String message;

	private String[] departmentCodes;

	private String[] ranks;

	private Integer joinedFrom;

	private Integer joinedTo;

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

	/**
	 * A broadcast of an announcement to a segment, by one of the organisers, once the personal wave went
	 * out.
	 * @throws InvitationRefused before approval or the personal wave, or without a message
	 */
	static InvitationWave broadcast(PlannedEvent event, long organiserId, boolean personalWaveSent, Segment segment,
			String announcement, Instant now) {
		requireBroadcastable(event, personalWaveSent);
		if (!event.isOrganisedBy(organiserId)) {
			throw new InvitationRefused("invitations.refused.notOrganiser");
		}
		String message = announcement == null ? "" : announcement.strip();
		if (message.isEmpty()) {
			throw new InvitationRefused("broadcast.refused.noMessage");
		}
		if (message.length() > MAX_ANNOUNCEMENT) {
			throw new InvitationRefused("broadcast.refused.tooLong");
		}
		InvitationWave wave = new InvitationWave(event.id(), Kind.BROADCAST, organiserId, now);
		wave.message = message;
		wave.departmentCodes = segment.departmentCodes().stream().sorted().toArray(String[]::new);
		wave.ranks = segment.ranks().stream().sorted().map(Rank::name).toArray(String[]::new);
		wave.joinedFrom = segment.joinedFrom();
		wave.joinedTo = segment.joinedTo();
		return wave;
	}

	/** Whether an announcement may go out now: to an approved event, after its personal wave. */
	static void requireBroadcastable(PlannedEvent event, boolean personalWaveSent) {
		requireInviting(event);
		if (!personalWaveSent) {
			throw new InvitationRefused("broadcast.refused.personalFirst");
		}
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

	/** The announcement of a broadcast; none for a personal wave, whose messages are per invitation. */
	public String getMessage() {
		return this.message;
	}

	/** Who a broadcast went to; none for a personal wave. */
	public Segment getSegment() {
		if (this.kind != Kind.BROADCAST) {
			return null;
		}
		return new Segment(Set.of(this.departmentCodes),
				Arrays.stream(this.ranks).map(Rank::valueOf).collect(Collectors.toSet()), this.joinedFrom, this.joinedTo);
	}

}
