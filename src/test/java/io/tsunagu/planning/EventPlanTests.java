package io.tsunagu.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventPlanTests {

	static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

	static final long LEAD = 10;

	@Test
	void startsAsADraftAtRevisionOneLedByItsCreator() {
		EventPlan plan = aDraft();
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plan.getRevision()).isEqualTo(1);
		assertThat(plan.isOrganisedBy(LEAD)).isTrue();
		assertThat(plan.isOrganisedBy(11)).isFalse();
	}

	@Test
	void refusesInvitationsBeforeApprovalAndMovesToInvitingOnceApproved() {
		EventPlan plan = aDraft();
		assertThatExceptionOfType(IllegalPlanChange.class).isThrownBy(() -> plan.startInviting(NOW))
			.extracting(IllegalPlanChange::messageKey)
			.isEqualTo("plan.refused.invite");
		plan.submit(NOW);
		assertThatExceptionOfType(IllegalPlanChange.class).isThrownBy(() -> plan.startInviting(NOW));
		plan.approve(NOW);
		plan.startInviting(NOW);
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.INVITING);
		plan.startInviting(NOW);
		assertThat(plan.getStatus()).as("a later wave keeps it inviting").isEqualTo(PlanStatus.INVITING);
	}

	@Test
	void countsARevisionForEachEdit() {
		EventPlan plan = aDraft();
		plan.revise(details("秋の同期会", 40), NOW);
		plan.revise(details("秋の同期会（改）", 50), NOW);
		assertThat(plan.getRevision()).isEqualTo(3);
		assertThat(plan.getCapacity()).isEqualTo(50);
	}

	@Test
	void cannotBeEditedOrChangeItsTeamOnceSubmitted() {
		EventPlan plan = aDraft();
		plan.submit(NOW);
		assertRefused(() -> plan.revise(details("変更", 10), NOW), "plan.refused.edit");
		assertRefused(() -> plan.proposeCoOrganiser(11, NOW), "plan.refused.team");
		assertRefused(() -> plan.submit(NOW), "plan.refused.submit");
		assertThat(plan.getRevision()).isEqualTo(1);
	}

	@Test
	void aColleagueJoinsTheTeamOnlyByAcceptingAProposal() {
		EventPlan plan = aDraft();
		plan.proposeCoOrganiser(11, NOW);
		assertThat(plan.isOrganisedBy(11)).as("asked, not yet on the team").isFalse();
		assertThat(plan.isProposedTo(11)).isTrue();
		plan.acceptCoOrganiser(11, NOW);
		assertThat(plan.isOrganisedBy(11)).isTrue();
		assertThat(plan.getProposedCoOrganiserIds()).isEmpty();

		plan.proposeCoOrganiser(12, NOW);
		plan.declineCoOrganiser(12, NOW);
		assertThat(plan.isOrganisedBy(12)).isFalse();
		assertRefused(() -> plan.acceptCoOrganiser(12, NOW), "plan.team.refused.notProposed");
	}

	@Test
	void refusesToAddTheLeadOrAMemberAgainAndToRemoveSomeoneNotOnTheTeam() {
		EventPlan plan = aDraft();
		assertRefused(() -> plan.proposeCoOrganiser(LEAD, NOW), "plan.team.refused.lead");
		plan.proposeCoOrganiser(11, NOW);
		assertRefused(() -> plan.proposeCoOrganiser(11, NOW), "plan.team.refused.proposed");
		plan.acceptCoOrganiser(11, NOW);
		assertRefused(() -> plan.proposeCoOrganiser(11, NOW), "plan.team.refused.member");
		assertRefused(() -> plan.removeCoOrganiser(99, NOW), "plan.team.refused.notMember");
		plan.removeCoOrganiser(11, NOW);
		assertRefused(() -> plan.removeCoOrganiser(11, NOW), "plan.team.refused.notMember");
		assertThat(plan.getCoOrganiserIds()).isEmpty();
	}

	@Test
	void refusesToAcceptATeamProposalWhileThePlanIsUnderReview() {
		EventPlan plan = aDraft();
		plan.proposeCoOrganiser(11, NOW);
		plan.submit(NOW);
		assertRefused(() -> plan.acceptCoOrganiser(11, NOW), "plan.refused.team");
		assertRefused(() -> plan.removeCoOrganiser(11, NOW), "plan.refused.team");
		assertThat(plan.isOrganisedBy(11)).isFalse();
		plan.declineCoOrganiser(11, NOW);
		assertThat(plan.isProposedTo(11)).as("saying no changes no team").isFalse();
	}

	@Test
	void refusesSubmissionOnceThePlanHasStartedOrItsAnswersAreClosed() {
		EventPlan plan = aDraft();
		Instant deadline = plan.getRsvpDeadline();
		assertRefused(() -> plan.submit(deadline), "plan.refused.submit.deadlinePassed");
		assertRefused(() -> plan.submit(plan.getStartsAt().plusSeconds(60)), "plan.refused.submit.started");
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
		plan.submit(deadline.minusSeconds(1));
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
	}

	@Test
	void goesBackToTheOrganisersWhenChangesAreRequestedAndCanBeResubmitted() {
		EventPlan plan = aDraft();
		plan.submit(NOW);
		plan.requestChanges(NOW);
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.CHANGES_REQUESTED);
		plan.revise(details("直した同期会", 30), NOW);
		plan.proposeCoOrganiser(11, NOW);
		plan.acceptCoOrganiser(11, NOW);
		plan.submit(NOW);
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
		assertThat(plan.getRevision()).isEqualTo(2);
	}

	@Test
	void withdrawsOnlyASubmittedPlanBackToDraft() {
		EventPlan plan = aDraft();
		assertRefused(() -> plan.withdraw(NOW), "plan.refused.withdraw");
		plan.submit(NOW);
		plan.withdraw(NOW);
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
	}

	@Test
	void isDecidedOnlyWhileSubmitted() {
		assertRefused(() -> aDraft().approve(NOW), "plan.refused.decision");
		assertRefused(() -> aDraft().reject(NOW), "plan.refused.decision");
		EventPlan approved = aDraft();
		approved.submit(NOW);
		approved.approve(NOW);
		assertThat(approved.getStatus()).isEqualTo(PlanStatus.APPROVED);
		assertRefused(() -> approved.requestChanges(NOW), "plan.refused.decision");
		assertRefused(() -> approved.revise(details("x", 1), NOW), "plan.refused.edit");
	}

	@Test
	void copiesOnlyARejectedPlanIntoANewDraftWithTheSameTeam() {
		EventPlan plan = aDraft();
		plan.proposeCoOrganiser(11, NOW);
		plan.acceptCoOrganiser(11, NOW);
		assertRefused(() -> plan.copyAsDraft(LEAD, NOW), "plan.refused.copy");
		plan.submit(NOW);
		plan.reject(NOW);
		EventPlan copy = plan.copyAsDraft(11, NOW);
		assertThat(copy.getStatus()).isEqualTo(PlanStatus.DRAFT);
		assertThat(copy.getRevision()).isEqualTo(1);
		assertThat(copy.getTitle()).isEqualTo(plan.getTitle());
		assertThat(copy.getLeadId()).isEqualTo(11);
		assertThat(copy.getCoOrganiserIds()).containsExactly(LEAD);
	}

	@Test
	void canBeCancelledBeforeItIsHeldButNotAfterRejection() {
		EventPlan submitted = aDraft();
		submitted.submit(NOW);
		submitted.cancel(NOW);
		assertThat(submitted.getStatus()).isEqualTo(PlanStatus.CANCELLED);
		assertRefused(() -> submitted.cancel(NOW), "plan.refused.cancel");
		EventPlan rejected = aDraft();
		rejected.submit(NOW);
		rejected.reject(NOW);
		assertRefused(() -> rejected.cancel(NOW), "plan.refused.cancel");
	}

	@Test
	void detailsRequireEndAfterStartDeadlineBeforeStartAndACapacityInRange() {
		Instant start = Instant.parse("2026-12-10T09:00:00Z");
		assertThatIllegalArgumentException().isThrownBy(() -> details(start, start, start.minusSeconds(60), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> details(start, start.plusSeconds(3600), start, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> details(start, start.plusSeconds(3600), start.minusSeconds(60), 0));
		assertThatIllegalArgumentException().isThrownBy(() -> details(start, start.plusSeconds(3600), start.minusSeconds(60), 10_001));
		assertThat(details(start, start.plusSeconds(3600), start.minusSeconds(60), 10_000).capacity()).isEqualTo(10_000);
	}

	@Test
	void movesAnApprovedEventAndRaisesTheCalendarSequenceOnlyForANewTimeOrPlace() {
		EventPlan plan = anApprovedPlan();
		TimeAndPlace before = plan.timeAndPlace();
		assertThat(plan.reschedule(new TimeAndPlace(before.startsAt(), before.endsAt(),
				before.rsvpDeadline().plusDays(1), before.venue(), null), NOW)).as("a new deadline is not in calendars")
			.isFalse();
		assertThat(plan.getCalendarSequence()).isZero();
		assertThat(plan.getRsvpDeadline()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));

		assertThat(plan.reschedule(new TimeAndPlace(before.startsAt().plusDays(1), before.endsAt().plusDays(1),
				before.rsvpDeadline(), " 別館 2F ", ""), NOW)).isTrue();
		assertThat(plan.getStartsAt()).isEqualTo(Instant.parse("2026-12-11T09:00:00Z"));
		assertThat(plan.getVenue()).isEqualTo("別館 2F");
		assertThat(plan.getCalendarSequence()).isEqualTo(1);
		assertThat(plan.getRevision()).as("no new approval round").isEqualTo(1);
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.APPROVED);

		plan.startInviting(NOW);
		TimeAndPlace now = plan.timeAndPlace();
		assertThat(plan.reschedule(new TimeAndPlace(now.startsAt(), now.endsAt(), now.rsvpDeadline(), now.venue(),
				"https://meet.example/x"), NOW)).as("while inviting too").isTrue();
		assertThat(plan.getCalendarSequence()).isEqualTo(2);
	}

	@Test
	void refusesAMoveBeforeApprovalOnceCancelledWithNothingChangedOrAStartThatHasPassed() {
		EventPlan draft = aDraft();
		assertRefused(() -> draft.reschedule(aDayLater(draft), NOW), "plan.refused.reschedule");
		EventPlan plan = anApprovedPlan();
		TimeAndPlace before = plan.timeAndPlace();
		assertRefused(() -> plan.reschedule(new TimeAndPlace(before.startsAt(), before.endsAt(), before.rsvpDeadline(),
				" 本社 8F ", " "), NOW), "plan.reschedule.unchanged");
		LocalDateTime anHourAgo = LocalDateTime.ofInstant(NOW, ZoneId.of("Asia/Tokyo")).minusHours(1);
		assertRefused(() -> plan.reschedule(new TimeAndPlace(anHourAgo, anHourAgo.plusHours(2), anHourAgo.minusDays(1),
				before.venue(), null), NOW), "plan.reschedule.past");
		assertThatIllegalArgumentException().as("the form shows this rule first")
			.isThrownBy(() -> plan.reschedule(new TimeAndPlace(before.startsAt(), before.startsAt().minusHours(1),
					before.rsvpDeadline(), before.venue(), null), NOW));
		assertThat(plan.timeAndPlace()).isEqualTo(before);
		assertThat(plan.getCalendarSequence()).isZero();
		plan.cancel(NOW);
		assertRefused(() -> plan.reschedule(aDayLater(plan), NOW), "plan.refused.reschedule");
	}

	@Test
	void anEventThatIsOverIsNeitherCalledOffNorMoved() {
		EventPlan plan = anApprovedPlan();
		plan.startInviting(NOW);
		Instant over = plan.getEndsAt().plusSeconds(60);
		assertRefused(() -> plan.cancel(over), "plan.refused.cancel");
		LocalDateTime tomorrow = LocalDateTime.ofInstant(over, ZoneId.of("Asia/Tokyo")).plusDays(1);
		assertRefused(() -> plan.reschedule(new TimeAndPlace(tomorrow, tomorrow.plusHours(2), tomorrow.minusHours(1),
				plan.getVenue(), null), over), "plan.refused.reschedule");
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.INVITING);
		plan.cancel(plan.getStartsAt().minusSeconds(60));
		assertThat(plan.getStatus()).as("until it starts").isEqualTo(PlanStatus.CANCELLED);
	}

	static EventPlan anApprovedPlan() {
		EventPlan plan = aDraft();
		plan.submit(NOW);
		plan.approve(NOW);
		return plan;
	}

	static TimeAndPlace aDayLater(EventPlan plan) {
		TimeAndPlace now = plan.timeAndPlace();
		return new TimeAndPlace(now.startsAt().plusDays(1), now.endsAt().plusDays(1), now.rsvpDeadline(), now.venue(),
				now.onlineLink());
	}

	static EventPlan aDraft() {
		return new EventPlan(LEAD, details("同期会", 30), NOW);
	}

	static PlanDetails details(String title, int capacity) {
		Instant start = Instant.parse("2026-12-10T09:00:00Z");
		return new PlanDetails(title, PlanKind.COHORT_MEETUP, "入社年の近い人がつながる", "2018〜2020年入社", start,
				start.plusSeconds(7200), ZoneId.of("Asia/Tokyo"), "本社 8F", null, capacity, start.minusSeconds(86400 * 3),
				null, false, null);
	}

	static PlanDetails details(Instant start, Instant end, Instant deadline, int capacity) {
		return new PlanDetails("t", PlanKind.OTHER, "p", null, start, end, null, null, "https://meet.example/x", capacity,
				deadline, null, true, null);
	}

	static void assertRefused(Runnable change, String messageKey) {
		assertThatExceptionOfType(IllegalPlanChange.class).isThrownBy(change::run)
			.extracting(IllegalPlanChange::messageKey)
			.isEqualTo(messageKey);
	}

}
