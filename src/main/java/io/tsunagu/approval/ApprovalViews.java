package io.tsunagu.approval;

import java.time.Instant;
import java.util.List;

/**
 * What the pages show of a plan's approval: its rounds, newest first, and what matters most to the
 * person looking.
 */
public final class ApprovalViews {

	private ApprovalViews() {
	}

	/** A plan's approval as its page shows it. */
	public record PlanApproval(List<Round> rounds, Step executiveDirection, Long myOpenStepId) {

		public boolean isEmpty() {
			return this.rounds.isEmpty();
		}

	}

	/** One submission and its chain. */
	public record Round(long id, int number, int planRevision, RoundStatus status, Instant submittedAt,
			Instant closedAt, List<Step> steps) {
	}

	/** One step: who signs off, why that person, and what they decided. */
	public record Step(long id, StepRole role, String approverName, String insteadOfName, StepState state,
			Instant openedAt, Instant decidedAt, Integer decisionRevision, String comment) {

		public boolean isRedirected() {
			return this.insteadOfName != null;
		}

	}

	/** A step waiting for the person looking at their inbox. */
	public record InboxItem(long stepId, long planId, String planTitle, String leadName, StepRole role, int round,
			int planRevision, Instant openedAt) {
	}

	/**
	 * The decision form's subject; {@code approvalBlockedBy} is the message key saying why it cannot be approved
	 * now (the plan has started or its answers are closed), or null; {@code plan} is what the approver reads
	 * above the form, null before their turn.
	 */
	public record DecisionSubject(long stepId, long planId, String planTitle, String leadName, StepRole role,
			int round, int planRevision, StepState state, Instant openedAt, String approvalBlockedBy, PlanSummary plan) {

		public boolean isOpen() {
			return this.state == StepState.OPEN;
		}

		/** Not reached yet: the approvers before this one have not decided. */
		public boolean isNotYourTurnYet() {
			return this.state == StepState.WAITING;
		}

	}

}
