package io.tsunagu.network;

import java.time.LocalDate;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's year of events is recorded as ties on the first start, so that the organiser's
 * network and the department map have something to show at once, and it tells a story: 営業 and 企画・開発
 * hardly know each other until their mixer, and 物流 stays nearly alone. On the schema of the demo events'
 * tests, seeded as on a first start.
 */
@TsunaguTest
@IsolatedDatabase("demo_events")
@TestPropertySource(properties = "tsunagu.demo.events.enabled=true")
class DemoHistoryTests {

	private static final String BRIDGE_TITLE = "営業×企画・開発 交流会";

	@Autowired
	DemoTies demoTies;

	@Autowired
	Ties ties;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void theYearIsRecorded() throws Exception {
		assertThat(this.demoTies.recorded().get(3, TimeUnit.MINUTES)).as("demo events recorded").isEqualTo(10);
	}

	@Test
	void everyPastEventIsRecordedOnTheFirstStartAndTheEventOfTodayIsNot() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM network_events WHERE NOT stale").query(Long.class).single()).isEqualTo(10);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM event_plans p WHERE p.ends_at < now()
				AND NOT EXISTS (SELECT 1 FROM network_events e WHERE e.plan_id = p.id)""").query(Long.class).single())
			.as("past events not recorded")
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM meetings m JOIN event_plans p ON p.id = m.plan_id WHERE p.ends_at > now()")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theOrganiserHasTiesThoseWhoHelpedHerPrepareFirstAcrossDepartments() {
		EmployeeRef organiser = person("organiser@tsunagu.example");
		List<Tie> mine = this.ties.of(organiser.id());
		assertThat(mine).hasSizeGreaterThan(30);
		assertThat(mine.get(0).preparedTogether()).isTrue();
		assertThat(mine).filteredOn(Tie::preparedTogether).hasSizeGreaterThanOrEqualTo(8);
		Set<String> departments = this.directory.findAllById(mine.stream().map(Tie::employeeId).toList())
			.values()
			.stream()
			.map(EmployeeRef::departmentCode)
			.collect(Collectors.toSet());
		assertThat(departments).contains("SALES", "PLAN", "ACCT", "GA", "PR", "EXEC");
		// Met on the company trip, where the president came too.
		assertThat(mine).extracting(Tie::employeeId).contains(person("president@tsunagu.example").id());
	}

	@Test
	void salesAndPlanningAreWeaklyTiedUntilTheirMixerAndMuchMoreAfterIt() {
		LocalDate bridge = this.jdbc.sql("SELECT held_on FROM network_events WHERE title = ?")
			.param(BRIDGE_TITLE)
			.query(LocalDate.class)
			.single();
		long before = salesPeopleTiedToPlanning("e.held_on < ?", bridge);
		long after = salesPeopleTiedToPlanning("e.held_on <= ?", bridge);
		long byNow = salesPeopleTiedToPlanning("e.held_on <= ?", LocalDate.now());
		assertThat(before).as("営業 people tied to 企画・開発 before the mixer").isBetween(1L, 2L);
		assertThat(after).as("after the mixer").isGreaterThanOrEqualTo(10);
		assertThat(byNow).as("by now").isGreaterThan(after);
		assertThat(this.jdbc.sql("SELECT new_cross_department_ties FROM network_events WHERE title = ?")
			.param(BRIDGE_TITLE)
			.query(Integer.class)
			.single()).isGreaterThan(50);
	}

	@Test
	void logisticsStaysNearlyAloneFewerThanFiveOfItsPeopleTiedToAnotherDepartment() {
		long tied = this.jdbc.sql("""
				SELECT count(DISTINCT a.employee_id) FROM meetings a
				JOIN meetings b ON b.plan_id = a.plan_id AND b.employee_id <> a.employee_id
				     AND ((a.prepared AND b.prepared) OR (a.came AND b.came))
				JOIN departments da ON da.id = a.department_id
				WHERE da.code = 'LOG' AND b.department_id <> a.department_id""").query(Long.class).single();
		long staff = this.jdbc.sql("SELECT count(*) FROM employees e JOIN departments d ON d.id = e.department_id WHERE d.code = 'LOG'")
			.query(Long.class)
			.single();
		assertThat(tied).isBetween(1L, 4L);
		assertThat(staff).isGreaterThan(20);
	}

	private long salesPeopleTiedToPlanning(String until, LocalDate day) {
		return this.jdbc.sql("""
				SELECT count(DISTINCT a.employee_id) FROM meetings a
				JOIN meetings b ON b.plan_id = a.plan_id AND b.employee_id <> a.employee_id
				     AND ((a.prepared AND b.prepared) OR (a.came AND b.came))
				JOIN network_events e ON e.plan_id = a.plan_id
				JOIN departments da ON da.id = a.department_id
				JOIN departments db ON db.id = b.department_id
				WHERE da.code = 'SALES' AND db.code = 'PLAN' AND
				""" + until)
			.param(day)
			.query(Long.class)
			.single();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
