package io.tsunagu.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.approval.ApprovalViews.DecisionSubject;
import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.ApprovalViews.PlanApproval;
import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.directory.OrgChartGap;

/**
 * Opens a plan's approval chain when it is submitted, records decisions, and answers what waits for
 * whom.
 */
@Service
public class Approvals {

	private final ApprovalRounds rounds;

	private final ApprovalSteps steps;

	private final OrgChart orgChart;

	private final Directory directory;

	private final ApprovalMails mails;

	private final PlanSummaries summaries;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final InboxBadges badges;

	Approvals(ApprovalRounds rounds, ApprovalSteps steps, OrgChart orgChart, Directory directory, ApprovalMails mails,
			PlanSummaries summaries, AuditLog audit, Clock clock, PlatformTransactionManager transactionManager,
			InboxBadges badges) {
		this.badges = badges;
		this.rounds = rounds;
		this.steps = steps;
		this.orgChart = orgChart;
		this.directory = directory;
		this.mails = mails;
		this.summaries = summaries;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Builds the chain from the org chart of the lead organiser's department and opens its first step.
	 * @throws SubmissionRefused when the org chart cannot name the approvers
	 */
	@Transactional
	public void open(PlanUnderReview plan) {
		if (this.rounds.findByPlanIdAndStatus(plan.planId(), RoundStatus.OPEN).isPresent()) {
			throw new IllegalStateException("Plan " + plan.planId() + " is already under review");
		}
		EmployeeRef lead = this.directory.findById(plan.leadId())
			.orElseThrow(() -> new IllegalArgumentException("No employee " + plan.leadId()));
		Approvers approvers;
		try {
			approvers = this.orgChart.approversFor(lead.departmentCode());
		}
		catch (OrgChartGap gap) {
			throw new SubmissionRefused(gap.messageKey(), gap.departmentName(), gap.departmentCode());
		}
		List<ChainPlanner.PlannedStep> chain = ChainPlanner.plan(approvers, plan.organiserIds(), this.directory::reportsTo);
		ApprovalRound round = new ApprovalRound(plan, this.rounds.lastRoundNumber(plan.planId()) + 1, chain,
				this.clock.instant());
		this.rounds.saveAndFlush(round);
		round.openStep().ifPresent(step -> this.mails.requestDecision(round, step));
		this.badges.forgetAfterCommit();
	}

	/** Ends the open round of a plan its organisers took back; nothing happens when none is open. */
	@Transactional
	public void withdraw(long planId) {
		this.rounds.findByPlanIdAndStatus(planId, RoundStatus.OPEN).ifPresent(round -> {
			round.withdraw(this.clock.instant());
			this.rounds.save(round);
			this.badges.forgetAfterCommit();
		});
	}

	/**
	 * Records a decision. Of two decisions on one step at the same time, one is recorded and the other
	 * refused as decided already.
	 * @throws DecisionRefused when the chain's rules refuse it
	 */
	public void decide(long stepId, long deciderId, String decider, DecisionKind kind, String comment, int revision) {
		try {
			this.transactions.executeWithoutResult(status -> {
				ApprovalStep step = this.steps.findWithRoundById(stepId).orElseThrow(() -> new StepNotFound(stepId));
				ApprovalRound round = step.getRound();
				round.decide(step.getPosition(), deciderId, kind, comment, revision, this.clock.instant());
				this.rounds.saveAndFlush(round);
				this.audit.record(decider, "approval." + kind.name().toLowerCase().replace('_', '-'),
						"plan " + round.getPlanId(), "round " + round.getRoundNumber() + ", step " + step.getPosition()
								+ " (" + step.getRole() + "), revision " + revision
								+ (step.getComment() == null ? "" : ": " + step.getComment()));
				switch (round.getStatus()) {
					case OPEN -> round.openStep().ifPresent(next -> this.mails.requestDecision(round, next));
					case APPROVED, CHANGES_REQUESTED, REJECTED -> this.mails.tellOrganisers(round, step);
					default -> {
					}
				}
				this.badges.forgetAfterCommit();
			});
		}
		catch (OptimisticLockingFailureException ex) {
			throw new DecisionRefused("approval.refused.concurrent");
		}
	}

	/** The rounds of a plan, newest first, as the plan's page shows them to this viewer. */
	@Transactional(readOnly = true)
	public PlanApproval viewFor(long planId, long viewerId) {
		List<ApprovalRound> all = this.rounds.findByPlanIdOrderByRoundNumberDesc(planId);
		Set<Long> people = new HashSet<>();
		all.forEach(round -> round.getSteps().forEach(step -> {
			people.add(step.getApproverId());
			if (step.getOriginalApproverId() != null) {
				people.add(step.getOriginalApproverId());
			}
		}));
		Map<Long, EmployeeRef> names = this.directory.findAllById(people);
		List<ApprovalViews.Round> views = all.stream()
			.map(round -> new ApprovalViews.Round(round.getId(), round.getRoundNumber(), round.getPlanRevision(),
					round.getStatus(), round.getSubmittedAt(), round.getClosedAt(),
					round.getSteps().stream().map(step -> view(step, names)).toList()))
			.toList();
		ApprovalViews.Step direction = views.stream()
			.flatMap(round -> round.steps().stream())
			.filter(step -> step.role() == StepRole.EXECUTIVE && step.state() == StepState.APPROVED
					&& step.comment() != null)
			.findFirst()
			.orElse(null);
		Long mine = all.stream()
			.flatMap(round -> round.openStep().stream())
			.filter(step -> step.getApproverId() == viewerId)
			.map(ApprovalStep::getId)
			.findFirst()
			.orElse(null);
		return new PlanApproval(views, direction, mine);
	}

	/** Whether the plan was ever sent to this person for a decision: then they may read it. */
	@Transactional(readOnly = true)
	public boolean wasSentTo(long planId, long employeeId) {
		return this.steps.wasSentTo(planId, employeeId);
	}

	/** What waits for this approver, oldest first. */
	@Transactional(readOnly = true)
	public List<InboxItem> inbox(long approverId) {
		List<ApprovalStep> open = this.steps.findOpenFor(approverId);
		Map<Long, EmployeeRef> leads = this.directory
			.findAllById(open.stream().map(step -> step.getRound().getLeadId()).toList());
		return open.stream().map(step -> {
			ApprovalRound round = step.getRound();
			return new InboxItem(step.getId(), round.getPlanId(), round.getPlanTitle(), name(leads, round.getLeadId()),
					step.getRole(), round.getRoundNumber(), round.getPlanRevision(), step.getOpenedAt());
		}).toList();
	}

	/** The first of what waits for this approver, oldest first; the slice says whether there is more. */
	@Transactional(readOnly = true)
	public Slice<InboxItem> waitingFor(long approverId, int limit) {
		Slice<WaitingStep> open = this.steps.findWaitingFor(approverId, PageRequest.of(0, limit));
		Map<Long, EmployeeRef> leads = this.directory.findAllById(open.map(WaitingStep::leadId).toList());
		return open.map(step -> new InboxItem(step.stepId(), step.planId(), step.planTitle(), name(leads, step.leadId()),
				step.role(), step.round(), step.planRevision(), step.openedAt()));
	}

	@Transactional(readOnly = true)
	public long inboxCount(long approverId) {
		return this.steps.countByApproverIdAndState(approverId, StepState.OPEN);
	}

	/**
	 * The step a decision form is about, with the plan to read above it (not before the step is reached:
	 * until then the plan is not this person's to read).
	 * @throws AccessDeniedException when the step is not this person's to decide
	 */
	@Transactional(readOnly = true)
	public DecisionSubject decisionSubject(long stepId, long viewerId, Locale reader) {
		ApprovalStep step = this.steps.findWithRoundById(stepId).orElseThrow(() -> new StepNotFound(stepId));
		if (step.getApproverId() != viewerId) {
			throw new AccessDeniedException("Step " + stepId + " is not for employee " + viewerId);
		}
		ApprovalRound round = step.getRound();
		String lead = this.directory.findById(round.getLeadId()).map(EmployeeRef::name).orElse("");
		String blockedBy = step.getState() == StepState.OPEN ? round.approvalBlockedBy(this.clock.instant()).orElse(null)
				: null;
		PlanSummary plan = step.getState() == StepState.WAITING ? null
				: this.summaries.find(round.getPlanId(), reader).orElse(null);
		return new DecisionSubject(step.getId(), round.getPlanId(), round.getPlanTitle(), lead, step.getRole(),
				round.getRoundNumber(), round.getPlanRevision(), step.getState(), step.getOpenedAt(), blockedBy, plan);
	}

	private static ApprovalViews.Step view(ApprovalStep step, Map<Long, EmployeeRef> names) {
		return new ApprovalViews.Step(step.getId(), step.getRole(), name(names, step.getApproverId()),
				step.getOriginalApproverId() == null ? null : name(names, step.getOriginalApproverId()), step.getState(),
				step.getOpenedAt(), step.getDecidedAt(), step.getDecisionRevision(), step.getComment());
	}

	private static String name(Map<Long, EmployeeRef> names, long id) {
		EmployeeRef ref = names.get(id);
		return ref == null ? "#" + id : ref.name();
	}

	/** There is no such step. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class StepNotFound extends RuntimeException {

		StepNotFound(long id) {
			super("No approval step " + id);
		}

	}

}
