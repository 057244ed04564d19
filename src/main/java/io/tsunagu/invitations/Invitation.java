package io.tsunagu.invitations;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import io.tsunagu.planning.PlannedEvent;

/**
 * One person invited to one event: the personal message and the answer. The answer changes only
 * through a sent invitation and only until the RSVP deadline. Its answer links are kept apart
 * ({@link AnswerLinks}), and so are the moments set by plain conditional updates (first opened,
 * reminded), which this entity reads but never writes back. An answer writes only what changed,
 * never the personal message again.
 */
@Entity
@DynamicUpdate
@Table(name = "invitations")
class Invitation {

	static final int MAX_MESSAGE = 4000;

	static final int MAX_NOTE = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private long waveId;

	private long planId;

	private long employeeId;

	private String message;

	@Enumerated(EnumType.STRING)
	private Answer answer = Answer.PENDING;

	private String note;

	private Instant addedAt;

	private Instant sentAt;

	@Column(insertable = false, updatable = false)
	private Instant firstOpenedAt;

	@Column(insertable = false, updatable = false)
	private Instant pendingRemindedAt;

	@Column(insertable = false, updatable = false)
	private Instant eveRemindedAt;

	private Instant answeredAt;

	private Instant waitlistedAt;

	private Instant declineRepliedAt;

	private String declineReply;

	protected Invitation() {
	}

	Invitation(InvitationWave wave, long employeeId, Instant now) {
		wave.requireDraft();
		this.waveId = wave.getId();
		this.planId = wave.getPlanId();
		this.employeeId = employeeId;
		this.addedAt = now;
	}

	/** One recipient of a broadcast: the announcement is the message the invitation goes out with. */
	static Invitation announcement(InvitationWave broadcast, long employeeId, Instant now) {
		Invitation invitation = new Invitation(broadcast, employeeId, now);
		invitation.write(broadcast.getMessage());
		return invitation;
	}

	void write(String text) {
		requireUnsent();
		String stripped = text == null ? null : text.strip();
		if (stripped != null && stripped.length() > MAX_MESSAGE) {
			throw new InvitationRefused("invitations.refused.tooLong");
		}
		this.message = stripped == null || stripped.isEmpty() ? null : stripped;
	}

	/** Marks the invitation sent; its mail gets a link from {@link AnswerLinks}. */
	void send(Instant now) {
		requireUnsent();
		if (this.message == null) {
			throw new InvitationRefused("invitations.refused.noMessage");
		}
		this.sentAt = now;
	}

	/**
	 * The invitation could not be mailed (the invitee's address or data cannot go into a mail): it goes
	 * back, unsent, onto the list being written, where the organiser still sees who is to be reached.
	 * Only within the sending itself, before anyone could have answered.
	 */
	void returnTo(InvitationWave draft) {
		draft.requireDraft();
		if (this.sentAt == null || this.answeredAt != null || this.answer != Answer.PENDING) {
			throw new IllegalStateException("Only an invitation just sent goes back onto the list");
		}
		this.sentAt = null;
		this.waveId = draft.getId();
	}

	/** Whether the invitee may answer now: a sent invitation, before the RSVP deadline. */
	void requireAnswerable(PlannedEvent event, Instant now) {
		if (this.sentAt == null) {
			throw new InvitationRefused("rsvp.refused.notSent");
		}
		if (!event.acceptsAnswersAt(now)) {
			throw new InvitationRefused("rsvp.refused.closed");
		}
	}

	/**
	 * Records a decision; {@code outcome} is ATTENDING, WAITLISTED or DECLINED as the seats allowed.
	 * Someone already waiting keeps their place in the waitlist.
	 */
	void answer(Answer outcome, String note, PlannedEvent event, Instant now) {
		requireAnswerable(event, now);
		if (outcome == Answer.PENDING) {
			throw new IllegalArgumentException("An answer is attending, waitlisted or declined");
		}
		String stripped = note == null ? null : note.strip();
		if (stripped != null && stripped.length() > MAX_NOTE) {
			throw new InvitationRefused("rsvp.refused.noteTooLong");
		}
		if (outcome == Answer.WAITLISTED && this.answer != Answer.WAITLISTED) {
			this.waitlistedAt = now;
		}
		else if (outcome != Answer.WAITLISTED) {
			this.waitlistedAt = null;
		}
		this.answer = outcome;
		this.note = stripped == null || stripped.isEmpty() ? null : stripped;
		this.answeredAt = now;
	}

	/** The organiser answers a decline lightly, once; the reply is kept for the list of invitations sent. */
	void replyToDecline(String reply, Instant now) {
		if (this.answer != Answer.DECLINED) {
			throw new InvitationRefused("invitations.refused.notDeclined");
		}
		if (this.declineRepliedAt != null) {
			throw new InvitationRefused("invitations.refused.replied");
		}
		this.declineRepliedAt = now;
		this.declineReply = reply;
	}

	/** A seat freed up for someone on the waitlist. */
	void promote() {
		if (this.answer != Answer.WAITLISTED) {
			throw new IllegalStateException("Only someone on the waitlist is promoted");
		}
		this.answer = Answer.ATTENDING;
		this.waitlistedAt = null;
	}

	boolean isSent() {
		return this.sentAt != null;
	}

	private void requireUnsent() {
		if (this.sentAt != null) {
			throw new InvitationRefused("invitations.refused.sent");
		}
	}

	public Long getId() {
		return this.id;
	}

	public long getWaveId() {
		return this.waveId;
	}

	public long getPlanId() {
		return this.planId;
	}

	public long getEmployeeId() {
		return this.employeeId;
	}

	public String getMessage() {
		return this.message;
	}

	public Answer getAnswer() {
		return this.answer;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public Instant getFirstOpenedAt() {
		return this.firstOpenedAt;
	}

	public Instant getPendingRemindedAt() {
		return this.pendingRemindedAt;
	}

	public Instant getEveRemindedAt() {
		return this.eveRemindedAt;
	}

	public Instant getWaitlistedAt() {
		return this.waitlistedAt;
	}

	public Instant getDeclineRepliedAt() {
		return this.declineRepliedAt;
	}

	public String getDeclineReply() {
		return this.declineReply;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

}
