package io.tsunagu.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.Guests;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company comes with events: a year of past ones with who came, walk-ins and no-shows, most with a
 * team that prepared them, a series of four cohort meetups, and one starting about an hour after the first start whose check-in list is open at
 * once. On a schema of its own, seeded when the application starts, as on a first start.
 */
@TsunaguTest
@IsolatedDatabase("demo_events")
@TestPropertySource(properties = "tsunagu.demo.events.enabled=true")
class DemoEventsTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Plans plans;

	@Autowired
	CheckIns checkIns;

	@Autowired
	Guests guests;

	@Autowired
	Directory directory;

	@Autowired
	DemoEvents demoEvents;

	@BeforeEach
	void theEventsAreSeeded() throws Exception {
		this.demoEvents.seeding().get(3, TimeUnit.MINUTES);
	}

	@Test
	void aYearOfPastEventsHaveWhoCameWalkInsAndNoShowsAndTheCohortMeetupsFormASeries() {
		List<PlannedEvent> past = allEvents().stream().filter(e -> e.endsAt().isBefore(Instant.now())).toList();
		assertThat(past).extracting(PlannedEvent::title)
			.containsExactly(DemoEvents.FIRST_STUDY_TITLE, cohortTitle(), DemoEvents.LUNCH_TITLE, cohortTitle(),
					DemoEvents.BRIDGE_TITLE, cohortTitle(), DemoEvents.TRIP_TITLE, DemoEvents.MIXER_TITLE, cohortTitle(),
					DemoEvents.STUDY_TITLE);
		// Twelve months of them, the latest a few weeks ago.
		assertThat(Duration.between(past.get(0).startsAt(), Instant.now())).isBetween(Duration.ofDays(330), Duration.ofDays(366));
		assertThat(past.get(past.size() - 1).startsAt()).isBefore(Instant.now().minus(21, ChronoUnit.DAYS));
		for (PlannedEvent event : past) {
			assertThat(event.startsAt().atZone(TOKYO).toLocalTime()).as(event.title()).isEqualTo(LocalTime.of(19, 0));
			assertThat(event.rsvpDeadline()).isBefore(event.startsAt());
			List<Came> came = this.checkIns.whoCame(event.id());
			Set<Long> cameIds = came.stream().map(Came::employeeId).collect(Collectors.toSet());
			List<Long> attending = this.guests.expected(event.id()).stream().filter(g -> !g.waitlisted()).map(g -> g.employeeId()).toList();
			assertThat(came).as("walk-ins at " + event.title()).anyMatch(Came::walkIn);
			assertThat(attending).as("no-shows at " + event.title()).anyMatch(id -> !cameIds.contains(id));
			// Checked in on the evening itself, around the start.
			assertThat(came).allSatisfy(c -> assertThat(Duration.between(event.startsAt(), c.checkedInAt()).abs())
				.isLessThan(Duration.ofMinutes(30)));
		}
		// Most were prepared by a team: co-organisers, and helpers who did their tasks.
		assertThat(past).filteredOn(e -> this.plans.team(e.id()).size() > 1).hasSizeGreaterThanOrEqualTo(8);
		// The company trip was led by general affairs; the president and the organiser came.
		PlannedEvent trip = past.get(6);
		assertThat(trip.leadId()).isEqualTo(person(DemoEvents.GENERAL_AFFAIRS).id());
		assertThat(this.checkIns.whoCame(trip.id())).extracting(Came::employeeId)
			.contains(person("president@tsunagu.example").id(), person(DemoEvents.ORGANISER).id());
		// The first cohort meetup: eight said yes, seven of them came, and one colleague who was not invited.
		List<Came> came = this.checkIns.whoCame(past.get(1).id());
		assertThat(came).hasSize(8);
		assertThat(came.stream().filter(Came::walkIn)).hasSize(1);
		// The autumn mixer was full: some waited for a seat, and one of them came.
		PlannedEvent mixer = past.get(7);
		assertThat(this.guests.expected(mixer.id())).filteredOn(Guests.Guest::waitlisted).hasSize(2);
		assertThat(this.checkIns.whoCame(mixer.id())).hasSize(16);
		// The four editions of the series are months apart, the latest a few weeks ago.
		List<PlannedEvent> editions = past.stream().filter(e -> e.title().equals(cohortTitle())).toList();
		assertThat(Duration.between(editions.get(0).startsAt(), editions.get(3).startsAt())).isGreaterThan(Duration.ofDays(250));
		assertThat(editions.get(3).startsAt()).isBefore(Instant.now().minus(28, ChronoUnit.DAYS));
		// They are one series, numbered in order, and the mixer's team was thanked the morning after.
		List<Long> cohort = editions.stream().map(PlannedEvent::id).toList();
		assertThat(this.jdbc.sql("SELECT series_id, edition FROM event_plans WHERE id IN (?, ?, ?, ?) ORDER BY edition")
			.params(cohort.get(0), cohort.get(1), cohort.get(2), cohort.get(3))
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list()).containsExactly(List.of(cohort.get(0), 1L), List.of(cohort.get(0), 2L), List.of(cohort.get(0), 3L),
					List.of(cohort.get(0), 4L));
		assertThat(this.jdbc.sql("SELECT sent_at FROM thank_yous WHERE plan_id = ?").param(mixer.id()).query(Instant.class).list())
			.hasSize(3)
			.allSatisfy(sent -> assertThat(sent).isAfter(mixer.endsAt()).isBefore(mixer.endsAt().plus(1, ChronoUnit.DAYS)));
	}

	@Test
	void theEventOfTodayStartsInAboutAnHourAndItsCheckInListIsOpenAtOnce() {
		PlannedEvent today = allEvents().stream()
			.filter(e -> e.title().equals(DemoEvents.TODAY_TITLE))
			.findFirst()
			.orElseThrow();
		assertThat(Duration.between(Instant.now(), today.startsAt())).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(66));
		assertThat(CheckInWindow.of(today).isOpenAt(Instant.now())).isTrue();
		List<Guests.Guest> expected = this.guests.expected(today.id());
		assertThat(expected).filteredOn(g -> !g.waitlisted()).hasSize(DemoEvents.TODAY_CAPACITY);
		assertThat(expected).filteredOn(Guests.Guest::waitlisted).hasSize(2);

		// The demo organiser and the co-organiser can check people in right away.
		long organiser = person(DemoEvents.ORGANISER).id();
		long coOrganiser = person(DemoEvents.CO_ORGANISER_TODAY).id();
		long guest = expected.get(0).employeeId();
		assertThat(this.checkIns.checkIn(today.id(), guest, organiser, null)).hasValueSatisfying(c -> assertThat(c.walkIn()).isFalse());
		assertThat(this.checkIns.undo(today.id(), guest, coOrganiser, null)).isEmpty();
		// Nobody has come yet: the demo organiser makes the first check-in.
		assertThat(this.checkIns.whoCame(today.id())).isEmpty();
	}

	@Test
	void everyInvitationIsAPersonalMessageThatNamesItsInviteeAndOnlyTheEventOfTodayWasMailed() {
		List<Map<String, Object>> invitations = this.jdbc.sql("""
				SELECT i.plan_id, i.employee_id, i.message FROM invitations i ORDER BY i.plan_id, i.id""").query().listOfRows();
		assertThat(invitations).hasSizeGreaterThan(60);
		Map<Long, EmployeeRef> people = this.directory
			.findAllById(invitations.stream().map(row -> ((Number) row.get("employee_id")).longValue()).toList());
		for (Map<String, Object> row : invitations) {
			EmployeeRef invitee = people.get(((Number) row.get("employee_id")).longValue());
			assertThat((String) row.get("message")).contains(invitee.name().split(" ")[0]);
		}
		Map<Object, List<String>> byEvent = invitations.stream()
			.collect(Collectors.groupingBy(row -> row.get("plan_id"), Collectors.mapping(row -> (String) row.get("message"), Collectors.toList())));
		// Within an event no two messages are alike, their names taken out.
		byEvent.values().forEach(messages -> assertThat(messages).doesNotHaveDuplicates());

		long todaysInvitees = invitations.stream()
			.filter(row -> this.plans.event(((Number) row.get("plan_id")).longValue()).orElseThrow().title().equals(DemoEvents.TODAY_TITLE))
			.count();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE kind = 'invitation'").query(Long.class).single())
			.isEqualTo(todaysInvitees);
		String[] pastTitles = { "%同期会%", "%勉強会%", "%" + DemoEvents.LUNCH_TITLE + "%", "%" + DemoEvents.BRIDGE_TITLE + "%",
				"%" + DemoEvents.TRIP_TITLE + "%", "%" + DemoEvents.MIXER_TITLE + "%" };
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject LIKE ANY (?)")
			.param(pastTitles)
			.query(Long.class)
			.single()).as("mail about past events").isZero();
	}

	private List<PlannedEvent> allEvents() {
		return this.jdbc.sql("SELECT id FROM event_plans ORDER BY starts_at")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> this.plans.event(id).orElseThrow())
			.toList();
	}

	private String cohortTitle() {
		return DemoEvents.COHORT_TITLE.formatted(person(DemoEvents.ORGANISER).joinYear());
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
