package io.tsunagu.planning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hosting an event again: a draft of the same event with its date to pick, the last team asked (not
 * added), numbered in its series; only by an organiser, only once the event is over.
 */
@TsunaguTest
class HostAgainTests {

	static final String CO_ORGANISER = "manager@tsunagu.example";

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	ApprovedEvents events;

	long organiser;

	@BeforeEach
	void fixtures() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		this.organiser = this.events.organiser().id();
	}

	@Test
	void theNextEditionIsADraftOfTheSameEventWithItsDateToPickAndLastTeamAskedNotAdded() {
		long past = aPastEvent("2019年入社 同期会 " + System.nanoTime());
		EventPlan previous = this.plans.forEditing(past, this.organiser);
		EmployeeRef co = this.directory.findByEmail(CO_ORGANISER).orElseThrow();

		EventPlan next = this.plans.hostAgain(past, this.organiser, ORGANISER);

		assertThat(next.getStatus()).isEqualTo(PlanStatus.DRAFT);
		assertThat(next.getLeadId()).isEqualTo(this.organiser);
		assertThat(next.getTitle()).isEqualTo(previous.getTitle());
		assertThat(next.getKind()).isEqualTo(previous.getKind());
		assertThat(next.getPurpose()).isEqualTo(previous.getPurpose());
		assertThat(next.getAudience()).isEqualTo(previous.getAudience());
		assertThat(next.getVenue()).isEqualTo(previous.getVenue());
		assertThat(next.getCapacity()).isEqualTo(previous.getCapacity());
		assertThat(next.isDateToPick()).isTrue();
		assertThat(next.getStartsAt()).isAfter(Instant.now());
		assertThat(PlanForm.of(next).startsAt()).as("the form asks for the date").isNull();
		assertThat(next.getCoOrganiserIds()).isEmpty();
		assertThat(next.getProposedCoOrganiserIds()).containsExactly(co.id());
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE kind = 'team-proposal' AND recipient = ? AND dedupe_key LIKE ?")
			.params(CO_ORGANISER, "plan-" + next.getId() + "-team-proposal-%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> this.plans.submit(next.getId(), this.organiser, ORGANISER))
			.isInstanceOfSatisfying(IllegalPlanChange.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("plan.refused.submit.dateToPick"));

		this.events.pickDate(next.getId(), Instant.now().plus(40, ChronoUnit.DAYS), Instant.now().plus(33, ChronoUnit.DAYS));
		this.plans.submit(next.getId(), this.organiser, ORGANISER);
		assertThat(this.plans.event(next.getId()).orElseThrow().status()).isEqualTo(PlanStatus.SUBMITTED);
	}

	@Test
	void editionsAreNumberedOneAfterTheOtherInTheirSeriesNamedAfterTheFirst() {
		long first = aPastEvent("2019年入社 同期会 " + System.nanoTime());
		long second = this.events.hostAgain(first);
		this.events.pickDate(second, Instant.now().plus(40, ChronoUnit.DAYS), Instant.now().plus(33, ChronoUnit.DAYS));
		this.events.approve(second);
		movedToThePast(second);
		long third = this.events.hostAgain(second);
		long fourth = this.events.hostAgain(first);

		PlanSeries series = this.plans.seriesOf(third).orElseThrow();
		assertThat(series.name()).isEqualTo(this.plans.event(first).orElseThrow().title());
		assertThat(series.editions()).extracting(PlanSeries.Edition::number).containsExactly(1, 2, 3, 4);
		assertThat(series.editions()).extracting(edition -> edition.event().id()).containsExactly(first, second, third, fourth);
		assertThat(this.plans.previousEdition(third)).map(PlannedEvent::id).contains(second);
		assertThat(this.plans.previousEdition(fourth)).map(PlannedEvent::id).contains(first);
		assertThat(this.plans.previousEdition(first)).isEmpty();
	}

	@Test
	void onlyAnOrganiserHostsAgainAndOnlyAnEventThatIsOver() {
		long upcoming = this.events.anApprovedEvent("まだ先の会 " + System.nanoTime(), 20);
		long past = aPastEvent("終わった会 " + System.nanoTime());
		long plansBefore = countPlans();

		assertThatThrownBy(() -> this.plans.hostAgain(upcoming, this.organiser, ORGANISER))
			.isInstanceOfSatisfying(IllegalPlanChange.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("plan.refused.hostAgain"));
		EmployeeRef approver = this.directory.findByEmail("president@tsunagu.example").orElseThrow();
		assertThatThrownBy(() -> this.plans.hostAgain(past, approver.id(), approver.email()))
			.isInstanceOf(AccessDeniedException.class);
		EmployeeRef stranger = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
		assertThatThrownBy(() -> this.plans.hostAgain(past, stranger.id(), stranger.email()))
			.isInstanceOf(Plans.PlanNotFound.class);

		assertThat(countPlans()).isEqualTo(plansBefore);
		assertThat(this.plans.seriesOf(past)).isEmpty();
	}

	/** An approved event with a co-organiser that took place a month ago. */
	private long aPastEvent(String title) {
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long id = this.events.aDraft(title, 30, start, start.minus(7, ChronoUnit.DAYS));
		this.events.joinTeam(id, CO_ORGANISER);
		this.events.approve(id);
		movedToThePast(id);
		return id;
	}

	private void movedToThePast(long planId) {
		this.jdbc.sql("""
				UPDATE event_plans SET rsvp_deadline = now() - interval '37 days', starts_at = now() - interval '30 days',
				       ends_at = now() - interval '30 days' + interval '2 hours' WHERE id = ?""")
			.param(planId)
			.update();
	}

	private long countPlans() {
		return this.jdbc.sql("SELECT count(*) FROM event_plans").query(Long.class).single();
	}

}
