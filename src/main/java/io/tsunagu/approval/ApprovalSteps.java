package io.tsunagu.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalSteps extends JpaRepository<ApprovalStep, Long> {

	@Query("select s from ApprovalStep s join fetch s.round where s.id = :id")
	Optional<ApprovalStep> findWithRoundById(long id);

	/** What waits for an approver, oldest first. */
	@Query("""
			select s from ApprovalStep s join fetch s.round
			where s.approverId = :approverId and s.state = io.tsunagu.approval.StepState.OPEN
			order by s.openedAt, s.id""")
	List<ApprovalStep> findOpenFor(long approverId);

	/** A page of what waits for an approver, oldest first, without loading the rounds (served by approval_steps_open_idx). */
	@Query("""
			select new io.tsunagu.approval.WaitingStep(s.id, r.planId, r.planTitle, r.leadId, s.role, r.roundNumber,
			  r.planRevision, s.openedAt)
			from ApprovalStep s join s.round r
			where s.approverId = :approverId and s.state = io.tsunagu.approval.StepState.OPEN
			order by s.openedAt, s.id""")
	Slice<WaitingStep> findWaitingFor(long approverId, Pageable page);

	long countByApproverIdAndState(long approverId, StepState state);

	/** Whether a plan was ever sent to this person for a decision. */
	@Query("""
			select count(s) > 0 from ApprovalStep s
			where s.round.planId = :planId and s.approverId = :employeeId and s.openedAt is not null""")
	boolean wasSentTo(long planId, long employeeId);

	/**
	 * The open steps that have waited since before the moment, in one order whatever the instance: the
	 * reminder check of two instances then queues their reminders in the same order, and one waits for
	 * the other's dedupe keys instead of the two deadlocking on steps opened at the same moment.
	 */
	@Query("""
			select s from ApprovalStep s join fetch s.round
			where s.state = io.tsunagu.approval.StepState.OPEN and s.openedAt <= :openedBefore
			order by s.openedAt, s.id""")
	List<ApprovalStep> findOpenSince(Instant openedBefore);

}
