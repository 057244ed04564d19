package io.tsunagu.approval;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One sign-off in a round. Its version makes two concurrent decisions on it collide: one commits, the
 * other fails its update.
 */
@Entity
@Table(name = "approval_steps")
class ApprovalStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "round_id")
	private ApprovalRound round;

	private int position;

	@Enumerated(EnumType.STRING)
	private StepRole role;

	private long approverId;

	/** Who the org chart names for the step, where that person organises the plan and it went up instead. */
	private Long originalApproverId;

	@Enumerated(EnumType.STRING)
	private StepState state;

	private Instant openedAt;

	private Instant decidedAt;

	private Integer decisionRevision;

	private String comment;

	protected ApprovalStep() {
	}

	ApprovalStep(ApprovalRound round, int position, StepRole role, long approverId, Long originalApproverId,
			boolean skipped) {
		this.round = round;
		this.position = position;
		this.role = role;
		this.approverId = approverId;
		this.originalApproverId = originalApproverId;
		this.state = skipped ? StepState.SKIPPED : StepState.WAITING;
	}

	void open(Instant now) {
		if (this.state != StepState.WAITING) {
			throw new IllegalStateException("Step " + this.id + " is " + this.state);
		}
		this.state = StepState.OPEN;
		this.openedAt = now;
	}

	void record(StepState outcome, String comment, int revision, Instant now) {
		this.state = outcome;
		this.comment = comment;
		this.decisionRevision = revision;
		this.decidedAt = now;
	}

	void cancel() {
		if (this.state == StepState.OPEN || this.state == StepState.WAITING) {
			this.state = StepState.CANCELLED;
		}
	}

	public Long getId() {
		return this.id;
	}

	public ApprovalRound getRound() {
		return this.round;
	}

	public int getPosition() {
		return this.position;
	}

	public StepRole getRole() {
		return this.role;
	}

	public long getApproverId() {
		return this.approverId;
	}

	public Long getOriginalApproverId() {
		return this.originalApproverId;
	}

	public StepState getState() {
		return this.state;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public Integer getDecisionRevision() {
		return this.decisionRevision;
	}

	public String getComment() {
		return this.comment;
	}

}
