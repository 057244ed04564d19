package io.tsunagu.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One submission of a plan and its chain of sign-offs, executive first. The round guards the order:
 * one step is open at a time, only its approver decides it, only once, never an organiser of the plan,
 * and only on the revision that was submitted.
 */
@Entity
@Table(name = "approval_rounds")
class ApprovalRound extends AbstractAggregateRoot<ApprovalRound> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private long planId;

	private int roundNumber;

	private int planRevision;

	private String planTitle;

	private long leadId;

	private long submittedById;

	private Instant submittedAt;

	/** When the plan starts and stops taking answers; unknown (null) for rounds opened before they were kept. */
	private Instant planStartsAt;

	private Instant planRsvpDeadline;

	@Enumerated(EnumType.STRING)
	private RoundStatus status = RoundStatus.OPEN;

	private Instant closedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "approval_round_organisers", joinColumns = @JoinColumn(name = "round_id"))
	@Column(name = "employee_id")
	private Set<Long> organiserIds = new LinkedHashSet<>();

	@OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ApprovalStep> steps = new ArrayList<>();

	protected ApprovalRound() {
	}

	ApprovalRound(PlanUnderReview plan, int roundNumber, List<ChainPlanner.PlannedStep> chain, Instant now) {
		this.planId = plan.planId();
		this.roundNumber = roundNumber;
		this.planRevision = plan.revision();
		this.planTitle = plan.title();
		this.leadId = plan.leadId();
		this.submittedById = plan.submittedById();
		this.submittedAt = now;
		this.planStartsAt = plan.startsAt();
		this.planRsvpDeadline = plan.rsvpDeadline();
		this.organiserIds.addAll(plan.organiserIds());
		for (ChainPlanner.PlannedStep planned : chain) {
			if (this.organiserIds.contains(planned.approver().id())) {
				throw new IllegalArgumentException("An organiser cannot sign off their own plan");
			}
			if (planned.skipped() && planned.insteadOf() != null) {
				throw new IllegalArgumentException("A step handed up from an organiser is decided, never skipped");
			}
			this.steps.add(new ApprovalStep(this, this.steps.size() + 1, planned.role(), planned.approver().id(),
					planned.insteadOf() == null ? null : planned.insteadOf().id(), planned.skipped()));
		}
		openNext(now);
	}

	/**
	 * Records a decision on a step. Approving opens the next step or, on the last one, approves the
	 * plan; asking for changes or rejecting ends the round.
	 * @throws DecisionRefused when the rules of the chain do not allow this decision
	 */
	void decide(int position, long deciderId, DecisionKind kind, String comment, int revision, Instant now) {
		ApprovalStep step = this.steps.stream()
			.filter(s -> s.getPosition() == position)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No step " + position + " in round " + this.id));
		if (this.organiserIds.contains(deciderId)) {
			throw new DecisionRefused("approval.refused.organiser");
		}
		if (step.getApproverId() != deciderId) {
			throw new DecisionRefused("approval.refused.notYours");
		}
		if (step.getState().isDecided()) {
			throw new DecisionRefused("approval.refused.alreadyDecided");
		}
		if (this.status != RoundStatus.OPEN || step.getState() == StepState.CANCELLED) {
			throw new DecisionRefused("approval.refused.closed");
		}
		if (step.getState() != StepState.OPEN) {
			throw new DecisionRefused("approval.refused.notOpen");
		}
		if (revision != this.planRevision) {
			throw new DecisionRefused("approval.refused.outdated");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (kind.needsComment() && text == null) {
			throw new DecisionRefused("approval.refused.commentRequired");
		}
		if (kind == DecisionKind.APPROVE) {
			requireStillAhead(now);
		}
		switch (kind) {
			case APPROVE -> {
				step.record(StepState.APPROVED, text, revision, now);
				if (openNext(now).isEmpty()) {
					close(RoundStatus.APPROVED, now);
					registerEvent(new PlanApproved(this.planId, this.planRevision, this.roundNumber, now));
				}
			}
			case REQUEST_CHANGES -> {
				step.record(StepState.CHANGES_REQUESTED, text, revision, now);
				close(RoundStatus.CHANGES_REQUESTED, now);
				registerEvent(new PlanChangesRequested(this.planId, this.planRevision, this.roundNumber, text, now));
			}
			case REJECT -> {
				step.record(StepState.REJECTED, text, revision, now);
				close(RoundStatus.REJECTED, now);
				registerEvent(new PlanRejected(this.planId, this.planRevision, this.roundNumber, text, now));
			}
		}
	}

	/**
	 * A plan that has started, or whose answers are closed, is not approved: its invitations would carry dead
	 * links. Asking for changes or rejecting it stays possible.
	 */
	private void requireStillAhead(Instant now) {
		Optional<String> blocked = approvalBlockedBy(now);
		if (blocked.isPresent()) {
			throw new DecisionRefused(blocked.get());
		}
	}

	/** Why an approval of this round would be refused now, as a message key, or empty when it would not. */
	Optional<String> approvalBlockedBy(Instant now) {
		if (this.planStartsAt != null && !this.planStartsAt.isAfter(now)) {
			return Optional.of("approval.refused.started");
		}
		if (this.planRsvpDeadline != null && !this.planRsvpDeadline.isAfter(now)) {
			return Optional.of("approval.refused.deadlinePassed");
		}
		return Optional.empty();
	}

	/** The organisers took the plan back before the chain finished. */
	void withdraw(Instant now) {
		if (this.status != RoundStatus.OPEN) {
			throw new IllegalStateException("Round " + this.id + " is " + this.status);
		}
		close(RoundStatus.WITHDRAWN, now);
	}

	/** The events registered and not yet published, for tests of the aggregate alone. */
	List<Object> registeredEvents() {
		return List.copyOf(domainEvents());
	}

	Optional<ApprovalStep> openStep() {
		return this.steps.stream().filter(s -> s.getState() == StepState.OPEN).findFirst();
	}

	private Optional<ApprovalStep> openNext(Instant now) {
		Optional<ApprovalStep> next = this.steps.stream().filter(s -> s.getState() == StepState.WAITING).findFirst();
		next.ifPresent(step -> step.open(now));
		return next;
	}

	private void close(RoundStatus outcome, Instant now) {
		this.status = outcome;
		this.closedAt = now;
		this.steps.forEach(ApprovalStep::cancel);
	}

	public Long getId() {
		return this.id;
	}

	public long getPlanId() {
		return this.planId;
	}

	public int getRoundNumber() {
		return this.roundNumber;
	}

	public int getPlanRevision() {
		return this.planRevision;
	}

	public String getPlanTitle() {
		return this.planTitle;
	}

	public long getLeadId() {
		return this.leadId;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public RoundStatus getStatus() {
		return this.status;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public Set<Long> getOrganiserIds() {
		return Collections.unmodifiableSet(this.organiserIds);
	}

	public List<ApprovalStep> getSteps() {
		return Collections.unmodifiableList(this.steps);
	}

}
