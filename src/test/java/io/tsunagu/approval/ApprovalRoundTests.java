package io.tsunagu.approval;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.tsunagu.approval.ChainPlannerTests.APPROVERS;
import static io.tsunagu.approval.ChainPlannerTests.MANAGER;
import static io.tsunagu.approval.ChainPlannerTests.OFFICER;
import static io.tsunagu.approval.ChainPlannerTests.PRESIDENT;
import static io.tsunagu.approval.ChainPlannerTests.REPORTS_TO;
import static io.tsunagu.approval.ChainPlannerTests.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApprovalRoundTests {

	static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

	static final int REVISION = 3;

	static final long CO_ORGANISER = 5;

	static final Instant STARTS_AT = NOW.plusSeconds(86400 * 40);

	static final Instant RSVP_DEADLINE = NOW.plusSeconds(86400 * 30);

	@Test
	void opensOnlyTheExecutiveStepFirst() {
		ApprovalRound round = aSubmittedRound();
		assertThat(round.getStatus()).isEqualTo(RoundStatus.OPEN);
		assertThat(round.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.OPEN, StepState.WAITING, StepState.WAITING);
		assertThat(round.getSteps().get(0).getOpenedAt()).isEqualTo(NOW);
	}

	@Test
	void movesTopDownOneStepAtATime() {
		ApprovalRound round = aSubmittedRound();
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertThat(round.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.APPROVED, StepState.OPEN, StepState.WAITING);
		round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertThat(round.openStep()).get().extracting(ApprovalStep::getApproverId).isEqualTo(MANAGER.id());
		assertThat(round.registeredEvents()).isEmpty();
	}

	@Test
	void lastApprovalApprovesThePlanAndRegistersPlanApproved() {
		ApprovalRound round = aSubmittedRound();
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, "家族も楽しめる内容に", REVISION, NOW);
		round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		round.decide(3, MANAGER.id(), DecisionKind.APPROVE, " ", REVISION, NOW.plusSeconds(60));
		assertThat(round.getStatus()).isEqualTo(RoundStatus.APPROVED);
		assertThat(round.getClosedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(round.registeredEvents()).containsExactly(new PlanApproved(42, REVISION, 1, NOW.plusSeconds(60)));
		ApprovalStep executive = round.getSteps().get(0);
		assertThat(executive.getComment()).isEqualTo("家族も楽しめる内容に");
		assertThat(executive.getDecisionRevision()).isEqualTo(REVISION);
		assertThat(executive.getDecidedAt()).isEqualTo(NOW);
		assertThat(round.getSteps().get(2).getComment()).as("a blank direction is none").isNull();
	}

	@Test
	void refusesADecisionByAnyoneButTheOpenStepsApprover() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(1, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.notYours");
		assertRefused(() -> round.decide(1, 999, DecisionKind.APPROVE, null, REVISION, NOW), "approval.refused.notYours");
		assertThat(round.getSteps().get(0).getState()).isEqualTo(StepState.OPEN);
	}

	@Test
	void refusesADecisionOutOfOrder() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(3, MANAGER.id(), DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.notOpen");
		assertRefused(() -> round.decide(2, OFFICER.id(), DecisionKind.REJECT, "no", REVISION, NOW),
				"approval.refused.notOpen");
		assertThat(round.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.OPEN, StepState.WAITING, StepState.WAITING);
	}

	@Test
	void refusesASecondDecisionOnTheSameStep() {
		ApprovalRound round = aSubmittedRound();
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.REJECT, "やはり却下", REVISION, NOW),
				"approval.refused.alreadyDecided");
		assertThat(round.getSteps().get(0).getState()).isEqualTo(StepState.APPROVED);
	}

	@Test
	void refusesADecisionByAnOrganiserOfThePlan() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(1, CO_ORGANISER, DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.organiser");
	}

	@Test
	void refusesADecisionOnAnOutdatedRevision() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION - 1, NOW),
				"approval.refused.outdated");
		assertThat(round.getSteps().get(0).getState()).isEqualTo(StepState.OPEN);
	}

	@Test
	void requiresACommentToAskForChangesOrReject() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.REQUEST_CHANGES, "  ", REVISION, NOW),
				"approval.refused.commentRequired");
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.REJECT, null, REVISION, NOW),
				"approval.refused.commentRequired");
		assertThat(round.getStatus()).isEqualTo(RoundStatus.OPEN);
	}

	@Test
	void askingForChangesEndsTheRoundAndLeavesLaterStepsUnreached() {
		ApprovalRound round = aSubmittedRound();
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		round.decide(2, OFFICER.id(), DecisionKind.REQUEST_CHANGES, "予算の内訳を", REVISION, NOW);
		assertThat(round.getStatus()).isEqualTo(RoundStatus.CHANGES_REQUESTED);
		assertThat(round.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.APPROVED, StepState.CHANGES_REQUESTED, StepState.CANCELLED);
		assertThat(round.registeredEvents())
			.containsExactly(new PlanChangesRequested(42, REVISION, 1, "予算の内訳を", NOW));
		assertRefused(() -> round.decide(3, MANAGER.id(), DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.closed");
	}

	@Test
	void rejectingIsFinal() {
		ApprovalRound round = aSubmittedRound();
		round.decide(1, PRESIDENT.id(), DecisionKind.REJECT, "時期が悪い", REVISION, NOW);
		assertThat(round.getStatus()).isEqualTo(RoundStatus.REJECTED);
		assertThat(round.registeredEvents()).containsExactly(new PlanRejected(42, REVISION, 1, "時期が悪い", NOW));
		assertRefused(() -> round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.closed");
	}

	@Test
	void withdrawingCancelsTheOpenStep() {
		ApprovalRound round = aSubmittedRound();
		round.withdraw(NOW);
		assertThat(round.getStatus()).isEqualTo(RoundStatus.WITHDRAWN);
		assertThat(round.openStep()).isEmpty();
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW),
				"approval.refused.closed");
	}

	@Test
	void aCoOrganisingManagersStepIsDecidedByTheOfficerAsAStepOfItsOwn() {
		// The manager co-organises: their step goes up to the officer, who decides it after their own step.
		ApprovalRound round = new ApprovalRound(
				new PlanUnderReview(42, REVISION, "同期会", STAFF.id(), Set.of(STAFF.id(), MANAGER.id()), STAFF.id(),
						STARTS_AT, RSVP_DEADLINE),
				1, ChainPlanner.plan(APPROVERS, Set.of(STAFF.id(), MANAGER.id()), REPORTS_TO), NOW);
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertThat(round.getStatus()).as("the manager's step is still to decide").isEqualTo(RoundStatus.OPEN);
		assertThat(round.openStep()).get().extracting(ApprovalStep::getApproverId).isEqualTo(OFFICER.id());
		round.decide(3, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertThat(round.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.APPROVED, StepState.APPROVED, StepState.APPROVED);
		assertThat(round.getStatus()).isEqualTo(RoundStatus.APPROVED);
		assertThat(round.getSteps().get(2).getOriginalApproverId()).isEqualTo(MANAGER.id());
	}

	@Test
	void refusesToSkipAStepHandedUpFromAnOrganiser() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new ApprovalRound(
				new PlanUnderReview(42, REVISION, "同期会", STAFF.id(), Set.of(STAFF.id(), MANAGER.id()), STAFF.id(),
						STARTS_AT, RSVP_DEADLINE),
				1, List.of(new ChainPlanner.PlannedStep(StepRole.EXECUTIVE, PRESIDENT, null, false),
						new ChainPlanner.PlannedStep(StepRole.MANAGER, PRESIDENT, MANAGER, true)),
				NOW));
	}

	@Test
	void refusesAnApprovalAtEveryStepOnceTheDeadlineHasPassedOrThePlanHasStarted() {
		ApprovalRound round = aSubmittedRound();
		assertRefused(() -> round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, RSVP_DEADLINE),
				"approval.refused.deadlinePassed");
		round.decide(1, PRESIDENT.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertRefused(() -> round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, RSVP_DEADLINE),
				"approval.refused.deadlinePassed");
		round.decide(2, OFFICER.id(), DecisionKind.APPROVE, null, REVISION, NOW);
		assertRefused(() -> round.decide(3, MANAGER.id(), DecisionKind.APPROVE, null, REVISION, STARTS_AT),
				"approval.refused.started");
		assertThat(round.getStatus()).isEqualTo(RoundStatus.OPEN);
		assertThat(round.approvalBlockedBy(STARTS_AT)).contains("approval.refused.started");
		round.decide(3, MANAGER.id(), DecisionKind.REQUEST_CHANGES, "日程を決め直して", REVISION, STARTS_AT);
		assertThat(round.getStatus()).as("asking for changes stays possible").isEqualTo(RoundStatus.CHANGES_REQUESTED);
	}

	@Test
	void refusesAChainThatGivesAStepToAnOrganiser() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new ApprovalRound(
				new PlanUnderReview(42, REVISION, "同期会", STAFF.id(), Set.of(STAFF.id(), OFFICER.id()), STAFF.id(), STARTS_AT,
						RSVP_DEADLINE), 1,
				ChainPlanner.plan(APPROVERS, Set.of(STAFF.id()), REPORTS_TO), NOW));
	}

	static ApprovalRound aSubmittedRound() {
		return new ApprovalRound(
				new PlanUnderReview(42, REVISION, "同期会", STAFF.id(), Set.of(STAFF.id(), CO_ORGANISER), STAFF.id(), STARTS_AT,
						RSVP_DEADLINE), 1,
				ChainPlanner.plan(APPROVERS, Set.of(STAFF.id(), CO_ORGANISER), REPORTS_TO), NOW);
	}

	static void assertRefused(Runnable decision, String messageKey) {
		assertThatExceptionOfType(DecisionRefused.class).isThrownBy(decision::run)
			.extracting(DecisionRefused::messageKey)
			.isEqualTo(messageKey);
	}

}
